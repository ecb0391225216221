package dev.modelrepo.repository;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.model.ColumnConverter;
import dev.modelrepo.model.Convert;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * A stream without includes reads straight from its cursor (the cursor is the stream's spliterator, rows without joins are
 * read by the plain reader): the same models as a list, through every way a stream is consumed, on every engine.
 */
@Changelog("db/changelog/test-schema.xml")
class CursorSpliteratorTests {

    private static final String TAG = "spliterator-row";

    /** Stores a status in lower case and reads it back in upper case: a reader that is not a standard one. */
    static final class UpperCase implements ColumnConverter<String, String> {
        @Override
        public String inflate(String stored) {
            return stored.toUpperCase(Locale.ROOT);
        }

        @Override
        public String deflate(String value) {
            return value.toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean isDomainValue(@Nullable Object value) {
            return value instanceof String;
        }
    }

    /** A user whose status goes through a converter. */
    @Table(name = "users")
    @Convert(column = "status", converter = UpperCase.class)
    public static class LoudUser extends Model {
    }

    private static ModelRepository repo(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM employees WHERE email = '" + TAG + "'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    // every third salary NULL: the plain reader must keep SQL NULL apart from 0
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO employees (name, email, salary, active) VALUES (?, ?, ?, ?)")) {
                        for (int i = 0; i < 1200; i++) {
                            ps.setString(1, String.format("s%05d", i));
                            ps.setString(2, TAG);
                            if (i % 3 == 0) {
                                ps.setNull(3, java.sql.Types.INTEGER);
                            }
                            else {
                                ps.setInt(3, i);
                            }
                            ps.setBoolean(4, i % 2 == 0);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
            }
        }
        return ModelRepository.create(db.dataSource());
    }

    private static ModelQuery<Employee> rows() {
        return ModelQuery.from(Employee.class, "e").where(eq("e.email", TAG)).orderBy(asc("e.name"));
    }

    private static int active(TestDatabase db) {
        return ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections();
    }

    @EngineTest
    void everyWayOfConsumingAStreamReadsTheModelsAListReads(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        List<Map<String, @Nullable Object>> listed = repo.list(rows(), Map.of()).stream().map(Model::toMap).toList();
        assertThat(listed).hasSize(1200);
        assertThat(listed.get(0)).containsEntry("salary", null).containsEntry("active", true);
        assertThat(listed.get(1).get("salary")).isEqualTo(1);

        try (Stream<Employee> s = repo.stream(rows(), Map.of(), 100)) {
            assertThat(s.map(Model::toMap).toList()).isEqualTo(listed);
        }
        List<Map<String, @Nullable Object>> each = new ArrayList<>();
        try (Stream<Employee> s = repo.stream(rows(), Map.of(), 100)) {
            s.forEach(e -> each.add(e.toMap()));   // the spliterator's forEachRemaining
        }
        assertThat(each).isEqualTo(listed);
        List<Map<String, @Nullable Object>> iterated = new ArrayList<>();
        try (Stream<Employee> s = repo.stream(rows(), Map.of(), 100)) {
            Iterator<Employee> it = s.iterator();
            while (it.hasNext() && it.hasNext()) {   // a second hasNext() must not skip a row
                iterated.add(it.next().toMap());
            }
            assertThat(it.hasNext()).isFalse();
            assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        }
        assertThat(iterated).isEqualTo(listed);
        try (Stream<Employee> s = repo.stream(rows(), Map.of(), 100)) {
            Spliterator<Employee> split = s.spliterator();
            assertThat(split.trySplit()).isNull();
            assertThat(split.hasCharacteristics(Spliterator.ORDERED)).isTrue();
            assertThat(split.hasCharacteristics(Spliterator.SIZED)).isFalse();
            List<Object> names = new ArrayList<>();
            assertThat(split.tryAdvance(e -> names.add(e.get("name")))).isTrue();
            split.forEachRemaining(e -> names.add(e.get("name")));
            assertThat(split.tryAdvance(e -> names.add(e.get("name")))).isFalse();
            assertThat(names).isEqualTo(listed.stream().map(m -> m.get("name")).toList());
        }
        try (Stream<Employee> s = repo.stream(rows(), Map.of(), 100)) {
            assertThat(s.filter(e -> e.get("salary") == null).count()).isEqualTo(400);
        }
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void aStreamedModelIsStoredAndCleanAndSavesItsChanges(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String email = UUID.randomUUID() + "@stream.test";
        repo.saveOrThrow(repo.build(Employee.class, Map.of("name", "streamed", "email", email, "salary", 10, "active", true)));
        Employee first;
        try (Stream<Employee> s = repo.stream(ModelQuery.from(Employee.class, "e").where(eq("e.email", email)), Map.of(), 10)) {
            first = s.findFirst().orElseThrow();
        }
        assertThat(first.isNew()).isFalse();
        assertThat(first.isDirty()).isFalse();
        assertThat(first.<Object>get("salary")).isEqualTo(10);
        first.set("salary", 10);   // the stored value: still clean
        assertThat(first.isDirty()).isFalse();
        first.set("salary", 11);
        assertThat(first.dirtyColumns()).containsExactly("salary");
        repo.saveOrThrow(first);
        assertThat(repo.getById(Employee.class, first.id()).<Object>get("salary")).isEqualTo(11);
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void aConvertedColumnStreamsThroughItsConverter(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String email = UUID.randomUUID() + "@stream.test";
        repo.saveOrThrow(repo.build(LoudUser.class, Map.of("name", "loud", "email", email, "status", "Suspended")));
        assertThat(repo.sql("SELECT status FROM users WHERE email = :e").first(Map.of("e", email)).orElseThrow())
                .containsEntry("status", "suspended");
        var query = ModelQuery.from(LoudUser.class, "u").where(eq("u.email", email));
        try (Stream<LoudUser> s = repo.stream(query, Map.of())) {
            assertThat(s.map(u -> u.<Object>get("status")).toList()).containsExactly("SUSPENDED");
        }
    }

    @EngineTest
    void aStreamReadAfterItsTransactionEndedFailsClearly(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        var tx = new TransactionTemplate(new JdbcTransactionManager(db.dataSource()));
        List<Stream<Employee>> opened = new ArrayList<>();
        Spliterator<Employee> leaked = tx.execute(status -> {
            Stream<Employee> s = repo.stream(rows(), Map.of(), 10);
            opened.add(s);
            Spliterator<Employee> split = s.spliterator();
            assertThat(split.tryAdvance(e -> { })).isTrue();
            return split;
        });
        assertThat(active(db)).isZero();
        try (Stream<Employee> s = opened.get(0)) {
            assertThatThrownBy(() -> leaked.tryAdvance(e -> { })).isInstanceOf(StreamClosedException.class);
        }
    }
}
