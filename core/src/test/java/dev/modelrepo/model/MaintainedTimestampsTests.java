package dev.modelrepo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.query.Q;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * created_at/updated_at are maintained whatever the column is declared as (Liquibase's TIMESTAMP, which is TEXT on
 * SQLite, DATETIME, a text column) on save, updateWhere, insertBulk and updateBulk, as the Java type the column reports;
 * a column that cannot hold a timestamp is an error naming the model and the column, at load and at first use.
 */
@Changelog("db/changelog/maintained-timestamps.xml")
class MaintainedTimestampsTests {

    static final Instant CREATED = Instant.parse("2026-12-01T10:15:30.123456Z");

    static final Instant UPDATED = Instant.parse("2026-12-02T08:00:01.5Z");

    @Table(name = "stamp_liquibase")
    public static class LiquibaseStamped extends Model {
    }

    @Table(name = "stamp_datetime")
    public static class DatetimeStamped extends Model {
    }

    /** SQLite only: created_at DATETIME, updated_at TIMESTAMP, declared so in SQL. */
    @Table(name = "stamp_declared")
    public static class DeclaredStamped extends Model {
    }

    @Table(name = "stamp_text")
    public static class TextStamped extends Model {
    }

    @Table(name = "stamp_integer")
    public static class IntegerStamped extends Model {
    }

    @Table(name = "stamp_short")
    public static class ShortStamped extends Model {
    }

    /** The same integer column, with maintenance turned off: loads and saves. */
    @Table(name = "stamp_integer", createdAt = "")
    public static class UnstampedInteger extends Model {
    }

    static final List<Class<? extends Model>> STAMPED = List.of(LiquibaseStamped.class, DatetimeStamped.class, TextStamped.class);

    private static ModelRepository repo(TestDatabase db, Instant now) {
        return ModelRepository.builder(db.dataSource()).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    @EngineTest
    void saveMaintainsTimestampsWhateverTheColumnIsDeclaredAs(TestDatabase db) {
        for (Class<? extends Model> type : STAMPED) {
            Model m = repo(db, CREATED).build(type, Map.of("name", "saved"));
            repo(db, CREATED).saveOrThrow(m);
            assertStamp(m.get("created_at"), CREATED, type);
            assertStamp(m.get("updated_at"), CREATED, type);
            Model fresh = repo(db, CREATED).getById(type, m.id());
            assertThat(fresh.<Object>get("created_at")).as(type.getSimpleName()).isEqualTo(m.get("created_at"));
            assertThat(fresh.<Object>get("created_at")).as("the Java type the column reports")
                    .isInstanceOf(repo(db, CREATED).registry().table(type).column("created_at").kind().javaType());

            fresh.set("name", "renamed");
            repo(db, UPDATED).saveOrThrow(fresh);
            assertStamp(fresh.get("updated_at"), UPDATED, type);
            assertStamp(fresh.get("created_at"), CREATED, type);
            assertThat(repo(db, UPDATED).getById(type, m.id()).<Object>get("updated_at")).isEqualTo(fresh.get("updated_at"));
        }
    }

    @EngineTest
    void bulkWritesAndUpdateWhereMaintainTimestamps(TestDatabase db) {
        for (Class<? extends Model> type : STAMPED) {
            String name = "bulk-" + type.getSimpleName();
            assertThat(repo(db, CREATED).bulk().insertBulk(type, List.of("name"), List.of(Map.of("name", name)))).isEqualTo(1);
            var byName = repo(db, CREATED).query(type, "t").where(Q.eq("t.name", Q.param("name")));
            Model inserted = repo(db, CREATED).first(byName, Map.of("name", name)).orElseThrow();
            assertStamp(inserted.get("created_at"), CREATED, type);
            assertStamp(inserted.get("updated_at"), CREATED, type);

            inserted.set("name", name + "-u");
            repo(db, UPDATED).bulk().updateBulk(type, List.of("name"), List.of(inserted));
            Model updated = repo(db, UPDATED).getById(type, inserted.id());
            assertStamp(updated.get("updated_at"), UPDATED, type);
            assertStamp(updated.get("created_at"), CREATED, type);

            Instant later = UPDATED.plusSeconds(3600);
            repo(db, later).updateWhere(byName, Map.of("name", name), Map.of("name", name + "-u"));
            assertStamp(repo(db, later).getById(type, inserted.id()).get("updated_at"), later, type);
        }
    }

    @EngineTest(engines = Engine.SQLITE)
    void sqliteDateFunctionsReadWhatIsWrittenInEveryDeclaredType(TestDatabase db) {
        for (Class<? extends Model> type : List.of(LiquibaseStamped.class, DatetimeStamped.class, TextStamped.class, DeclaredStamped.class)) {
            Model m = repo(db, CREATED).build(type, Map.of("name", "functions"));
            repo(db, CREATED).saveOrThrow(m);
            String table = type.getAnnotation(Table.class).name();
            Map<String, Object> row = repo(db, CREATED).sql("SELECT strftime('%Y-%m-%d %H:%M:%f', created_at) AS t, typeof(created_at) AS k FROM "
                    + table + " WHERE id = :id").list(Map.of("id", m.id())).get(0);
            assertThat(row).as(table).containsEntry("t", "2026-12-01 10:15:30.123").containsEntry("k", "text");
            assertStamp(m.get("updated_at"), CREATED, type);
        }
    }

    /** What Liquibase's TIMESTAMP becomes on SQLite (TEXT) is read as text: the model holds the text SQLite stores. */
    @EngineTest(engines = Engine.SQLITE)
    void aTextColumnHoldsTheIsoTextSqliteWrites(TestDatabase db) {
        assertThat(repo(db, CREATED).registry().table(LiquibaseStamped.class).column("created_at").typeName()).isEqualToIgnoringCase("TEXT");
        assertThat(repo(db, CREATED).registry().table(DeclaredStamped.class).column("created_at").kind().javaType()).isEqualTo(LocalDateTime.class);
        Model m = repo(db, CREATED).build(LiquibaseStamped.class, Map.of("name", "text"));
        repo(db, CREATED).saveOrThrow(m);
        assertThat(m.<Object>get("created_at")).isEqualTo("2026-12-01 10:15:30.123");
    }

    @EngineTest
    void aColumnThatCannotHoldATimestampFailsAtFirstUseNamingModelAndColumn(TestDatabase db) {
        ModelRepository repo = repo(db, CREATED);
        assertThatThrownBy(() -> repo.save(repo.build(IntegerStamped.class, Map.of("name", "x"))))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("IntegerStamped.created_at").hasMessageContaining("cannot hold a timestamp");
        assertThatThrownBy(() -> repo.bulk().insertBulk(ShortStamped.class, List.of("name"), List.of(Map.of("name", "x"))))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("ShortStamped.updated_at").hasMessageContaining("shorter than the 23 characters");
        assertThat(repo.count(repo.query(IntegerStamped.class, "i"), Map.of())).isZero();   // nothing was written

        Model off = repo.build(UnstampedInteger.class, Map.of("name", "off"));
        repo.saveOrThrow(off);
        assertThat(off.<Object>get("created_at")).isNull();
    }

    @EngineTest
    void loadingTheRegistryReportsEveryColumnThatCannotHoldATimestamp(TestDatabase db) {
        ModelRepository repo = repo(db, CREATED);
        ModelRegistry registry = new ModelRegistry(db.dataSource(), repo.dialect())
                .register(IntegerStamped.class, ShortStamped.class, LiquibaseStamped.class, DatetimeStamped.class, TextStamped.class);
        assertThatThrownBy(registry::loadAll).isInstanceOfSatisfying(ModelDeclarationException.class, ex -> {
            assertThat(ex.problems()).extracting(ModelDeclarationException.Problem::column).containsExactly("created_at", "updated_at");
            assertThat(ex.problems()).extracting(ModelDeclarationException.Problem::annotation)
                    .containsExactly("@Table(createdAt)", "@Table(updatedAt)");
        });
    }

    /** The stored timestamp is {@code now} in UTC, to the second at least (MariaDB's DATETIME keeps no fraction). */
    private static void assertStamp(Object value, Instant now, Class<?> type) {
        LocalDateTime expected = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalDateTime actual = value instanceof String s ? LocalDateTime.parse(s.replace(' ', 'T'))
                : value instanceof OffsetDateTime o ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime() : (LocalDateTime) value;
        assertThat(actual.truncatedTo(ChronoUnit.SECONDS)).as(type.getSimpleName() + " " + value).isEqualTo(expected.truncatedTo(ChronoUnit.SECONDS));
        if (value instanceof String s) {
            assertThat(s).as("text form").isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").format(expected));
        }
    }
}
