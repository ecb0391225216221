package dev.modelrepo.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.dao.TypeMismatchDataAccessException;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.Q;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** Text that other tools wrote into a SQLite DATETIME column, in every form SQLite reads, comes back as LocalDateTime. */
@Changelog("db/changelog/maintained-timestamps.xml")
class SqliteTextReadingTests {

    @Table(name = "stamp_declared")
    public static class DatetimeStamped extends Model {
    }

    @EngineTest(engines = Engine.SQLITE)
    void everyFormSqliteStoresIsReadThroughTheDriver(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        Map<String, LocalDateTime> forms = Map.of(
                "2024-05-01", LocalDateTime.parse("2024-05-01T00:00"),
                "2024-05-01 13:45", LocalDateTime.parse("2024-05-01T13:45"),
                "2024-05-01T13:45:07", LocalDateTime.parse("2024-05-01T13:45:07"),
                "2024-05-01 13:45:07.125", LocalDateTime.parse("2024-05-01T13:45:07.125"),
                "2024-05-01T13:45:07Z", LocalDateTime.parse("2024-05-01T13:45:07"),
                "2024-05-01 13:45:07+02:00", LocalDateTime.parse("2024-05-01T11:45:07"));
        forms.forEach((text, expected) -> {
            repo.sql("INSERT INTO stamp_declared (name, created_at) VALUES (:name, :text)").update(Map.of("name", text, "text", text));
            var q = repo.query(DatetimeStamped.class, "d").where(Q.eq("d.name", text));
            assertThat(repo.first(q, Map.of()).orElseThrow().<Object>get("created_at")).as(text).isEqualTo(expected);
        });
        repo.sql("INSERT INTO stamp_declared (name, created_at) VALUES ('epoch', 1714571107250)").update(Map.of());
        var epoch = repo.query(DatetimeStamped.class, "d").where(Q.eq("d.name", "epoch"));
        assertThat(repo.first(epoch, Map.of()).orElseThrow().<Object>get("created_at")).isEqualTo(LocalDateTime.parse("2024-05-01T13:45:07.25"));
        repo.sql("DELETE FROM stamp_declared").update(Map.of());
    }

    @EngineTest(engines = Engine.SQLITE)
    void badTextIsAnErrorNamingTheTableTheColumnAndTheText(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        repo.sql("INSERT INTO stamp_declared (name, created_at) VALUES ('bad', 'yesterday')").update(Map.of());
        try {
            assertThatThrownBy(() -> repo.list(repo.query(DatetimeStamped.class, "d"), Map.of()))
                    .isInstanceOf(TypeMismatchDataAccessException.class)
                    .hasMessageContaining("stamp_declared.created_at").hasMessageContaining("'yesterday'").hasMessageContaining("YYYY-MM-DD");
            List<Map<String, Object>> raw = repo.sql("SELECT created_at || '' AS t FROM stamp_declared").list(Map.of());
            assertThat(raw).extracting(r -> r.get("t")).containsExactly("yesterday");   // an expression has no declared type
        }
        finally {
            repo.sql("DELETE FROM stamp_declared").update(Map.of());
        }
    }
}
