package dev.modelrepo.repository;

import static dev.modelrepo.repository.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.fixtures.User;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** Native SQL with named parameters and dynamic fragments, on every engine. */
@Changelog("db/changelog/test-schema.xml")
class NativeQueryTests {

    record UserRow(long id, String name, Integer age, boolean isActive) {
    }

    private static String seed(ModelRepository repo) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 4; i++) {
            repo.save(repo.build(User.class, Map.of("name", tag + i, "email", tag + i + "@x.test", "age", 20 + i * 10, "is_active", i % 2 == 0)));
        }
        return tag;
    }

    @EngineTest
    void namedParametersListsAndMaps(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = seed(repo);
        List<Map<String, Object>> rows = repo.sql("SELECT name, age FROM users WHERE name LIKE :tag AND age > :age ORDER BY age")
                .list(Map.of("tag", tag + "%", "age", 25));
        assertThat(rows).extracting(r -> r.get("name")).containsExactly(tag + "1", tag + "2", tag + "3");
        assertThat(rows.get(0)).containsEntry("age", 30);
        List<Map<String, Object>> in = repo.sql("SELECT name FROM users WHERE name IN (:names) ORDER BY name")
                .list(Map.of("names", List.of(tag + "0", tag + "3", "nobody")));
        assertThat(in).extracting(r -> r.get("name")).containsExactly(tag + "0", tag + "3");
    }

    @EngineTest
    void resultsIntoRecordsAndModels(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = seed(repo);
        List<UserRow> records = repo.sql("SELECT id, name, age, is_active FROM users WHERE name LIKE :tag ORDER BY id")
                .into(UserRow.class).list(Map.of("tag", tag + "%"));
        assertThat(records).hasSize(4);
        assertThat(records.get(1)).extracting(UserRow::name, UserRow::age, UserRow::isActive).containsExactly(tag + "1", 30, false);
        List<User> models = repo.sql("SELECT * FROM users WHERE name = :n").into(User.class).list(Map.of("n", tag + "2"));
        assertThat(models).hasSize(1);
        assertThat(models.get(0).<Object>get("age")).isEqualTo(40);
        assertThat(models.get(0).isNew()).isFalse();
        models.get(0).set("age", 41);
        repo.save(models.get(0));
        assertThat(repo.findById(User.class, models.get(0).id()).orElseThrow().<Object>get("age")).isEqualTo(41);
    }

    @EngineTest
    void updatesReturnTheAffectedCount(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = seed(repo);
        int changed = repo.sql("UPDATE users SET is_active = :a WHERE name IN (:names)")
                .update(Map.of("a", false, "names", List.of(tag + "0", tag + "2")));
        assertThat(changed).isEqualTo(2);
        assertThat(repo.sql("SELECT COUNT(*) AS n FROM users WHERE name LIKE :t AND is_active = :a").first(Map.of("t", tag + "%", "a", false)))
                .get().extracting(r -> ((Number) r.get("n")).longValue()).isEqualTo(4L);
    }

    @EngineTest
    void dynamicFragmentsBuildTheWhereThatIsNeeded(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = seed(repo);
        Map<String, Object> params = new HashMap<>(Map.of("tag", tag + "%"));
        params.put("minAge", 30);
        String sql = "SELECT name FROM users" + where(always("name LIKE :tag"), when(params.containsKey("minAge"), "age >= :minAge"),
                when(params.containsKey("status"), "status = :status")) + " ORDER BY name";
        assertThat(repo.sql(sql).list(params)).extracting(r -> r.get("name")).containsExactly(tag + "1", tag + "2", tag + "3");
    }

    @Test
    void fragmentsNeverProduceWhereAnd() {
        assertThat(where(when(false, "a = :a"), when(false, "b = :b"))).isEmpty();
        assertThat(where(when(false, "a = :a"), when(true, "b = :b"))).isEqualTo(" WHERE b = :b");
        assertThat(where(when(true, "a = :a"), or(when(true, "b = :b"), when(true, "c = :c")), when(false, "d = :d")))
                .isEqualTo(" WHERE (a = :a AND (b = :b OR c = :c))");
        assertThat(where(or(when(false, "b = :b")), when(true, "a = 1"))).isEqualTo(" WHERE a = 1");
        assertThat(set(when(true, "name = :name"), when(false, "age = :age"), when(true, "status = :s"))).isEqualTo(" SET name = :name, status = :s");
        assertThatThrownBy(() -> set(when(false, "name = :name"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SET");
    }

    @EngineTest
    void aMissingNamedParameterIsNamed(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        assertThatThrownBy(() -> repo.sql("SELECT * FROM users WHERE age > :age").list(Map.of()))
                .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("age");
    }

    @EngineTest
    void valuesBindThroughTheDialect(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        repo.sql("DELETE FROM employees WHERE name = :n").update(Map.of("n", "native-date"));
        repo.sql("INSERT INTO employees (name, active, hired_on) VALUES (:n, :a, :d)")
                .update(Map.of("n", "native-date", "a", true, "d", LocalDate.of(2024, 2, 29)));
        var row = repo.sql("SELECT hired_on, active FROM employees WHERE name = :n AND hired_on >= :d")
                .first(Map.of("n", "native-date", "d", LocalDate.of(2024, 1, 1))).orElseThrow();
        assertThat(row).containsEntry("hired_on", LocalDate.of(2024, 2, 29)).containsEntry("active", true);
    }
}
