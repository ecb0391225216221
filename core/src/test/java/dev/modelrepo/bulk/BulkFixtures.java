package dev.modelrepo.bulk;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelListener;
import dev.modelrepo.model.Table;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.TestDatabase;

/** Models, repositories and SQL helpers shared by the bulk tests. */
final class BulkFixtures {

    static final Instant T0 = Instant.parse("2025-03-04T05:06:07.123456Z");

    static final Instant T1 = Instant.parse("2025-06-07T08:09:10.654321Z");

    private BulkFixtures() {
    }

    /** users without optimistic locking. */
    @Table(name = "users")
    public static class Person extends Model {
    }

    /** users whose validate() requires a name. */
    @Table(name = "users", version = "lock_version")
    public static class ValidatedUser extends Model {
        @Override
        protected void validate() {
            if (get("name") == null || get("name", String.class).isBlank()) {
                addError("name", "Name is required");
            }
        }
    }

    /** users that record their hooks. */
    @Table(name = "users")
    public static class HookedUser extends Model {
        final List<String> calls = new ArrayList<>();

        @Override
        protected void beforeInsert() {
            calls.add("beforeInsert:" + (id() == null));
            set("status", "hooked");
        }

        @Override
        protected void afterInsert() {
            calls.add("afterInsert:" + (id() != null));
        }

        @Override
        protected void beforeUpdate() {
            calls.add("beforeUpdate");
        }

        @Override
        protected void afterUpdate() {
            calls.add("afterUpdate");
        }

        @Override
        protected void beforeDelete() {
            calls.add("beforeDelete");
        }

        @Override
        protected void afterDelete() {
            calls.add("afterDelete");
        }
    }

    /** A listener that records what it saw. */
    static final class Audit implements ModelListener {
        final List<String> entries = new ArrayList<>();

        @Override
        public void beforeInsert(Model model) {
            entries.add("beforeInsert " + model.get("name"));
        }

        @Override
        public void afterInsert(Model model) {
            entries.add("afterInsert " + model.get("name") + " " + (model.id() != null));
        }

        @Override
        public void afterUpdate(Model model) {
            entries.add("afterUpdate " + model.get("name"));
        }

        @Override
        public void afterDelete(Model model) {
            entries.add("afterDelete " + model.get("name"));
        }
    }

    static ModelRepository repo(DataSource dataSource, Instant now, ModelListener... listeners) {
        return ModelRepository.builder(dataSource).clock(Clock.fixed(now, ZoneOffset.UTC)).listeners(List.of(listeners)).build();
    }

    static ModelRepository repo(TestDatabase db) {
        return repo(db.dataSource(), T0);
    }

    /** A tag unique to one test run, to keep tests that share a database apart. */
    static String tag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A map row of a user. */
    static Map<String, Object> user(String name, String email, Integer age) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("email", email);
        row.put("age", age);
        return row;
    }

    static long count(TestDatabase db, String where) throws SQLException {
        return ((Number) scalar(db, "SELECT COUNT(*) FROM users WHERE " + where)).longValue();
    }

    static Object scalar(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    static void exec(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
