package dev.modelrepo.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * A nullable column without a default has no default on every engine (MariaDB reports the text {@code NULL} for it),
 * so a nullable version column starts at 0; a string default that reads "NULL" stays a default.
 */
@Changelog("db/changelog/test-schema.xml")
class ColumnDefaultTests {

    /** A row whose version column is nullable and has no default. */
    @Table(name = "nullable_versions", version = "lock_version")
    public static class NullableVersion extends Model {
    }

    @BeforeEach
    void schema(TestDatabase db) {
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        jdbc.execute("DROP TABLE IF EXISTS nullable_versions");
        jdbc.execute("CREATE TABLE nullable_versions (id INT PRIMARY KEY, name VARCHAR(20), label VARCHAR(20) DEFAULT 'NULL',"
                + " lock_version INT)");
    }

    @EngineTest
    void aNullableColumnWithoutADefaultHasNone(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        assertThat(repo.registry().table(NullableVersion.class).column("lock_version").defaultValue()).isNull();
        assertThat(repo.registry().table(NullableVersion.class).column("name").defaultValue()).isNull();
        assertThat(repo.registry().table(NullableVersion.class).column("label").defaultValue()).isNotNull();
    }

    @EngineTest
    void aNullableVersionColumnStartsAtZero(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        NullableVersion row = repo.build(NullableVersion.class, Map.of("id", 1, "name", "first"));
        repo.saveOrThrow(row);
        assertThat(row.<Number>get("lock_version").intValue()).isZero();
        assertThat(row.<String>get("label")).isEqualTo("NULL");
        row.set("name", "second");
        repo.saveOrThrow(row);
        assertThat(new JdbcTemplate(db.dataSource()).queryForObject("SELECT lock_version FROM nullable_versions WHERE id = 1",
                Integer.class)).isEqualTo(1);
    }
}
