package dev.modelrepo.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.Q;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * A PostgreSQL table whose INSERTs a conditional rule routes into an inheriting partition (the classic partitioning
 * before declarative partitions) refuses INSERT … RETURNING and is skipped by COPY: every write path takes the key from
 * the sequence first, inserts plainly, and reads the stored row back by key; the rows land where the rule sends them.
 */
@Changelog("db/changelog/test-schema.xml")
class RuleRoutedTableTests {

    /** Routed by happened_on: 2026 rows go to routed_events_2026. */
    @Table(name = "routed_events", version = "lock_version")
    public static class RoutedEvent extends Model {
    }

    /** The same routing on a table whose key has no sequence. */
    @Table(name = "routed_unkeyed")
    public static class RoutedUnkeyed extends Model {
    }

    private static final LocalDate IN_2026 = LocalDate.of(2026, 2, 1);

    private static final LocalDate IN_2025 = LocalDate.of(2025, 6, 1);

    @BeforeEach
    void schema(TestDatabase db) {
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        jdbc.execute("DROP TABLE IF EXISTS routed_events CASCADE");
        jdbc.execute("DROP TABLE IF EXISTS routed_unkeyed CASCADE");
        jdbc.execute("CREATE TABLE routed_events (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, happened_on DATE NOT NULL,"
                + " kind TEXT NOT NULL DEFAULT 'plain', lock_version INT NOT NULL DEFAULT 0)");
        jdbc.execute("CREATE TABLE routed_events_2026 () INHERITS (routed_events)");
        jdbc.execute("CREATE RULE routed_events_2026 AS ON INSERT TO routed_events WHERE (NEW.happened_on >= DATE '2026-01-01')"
                + " DO INSTEAD INSERT INTO routed_events_2026 VALUES (NEW.*)");
        jdbc.execute("CREATE TABLE routed_unkeyed (id INT PRIMARY KEY, happened_on DATE NOT NULL)");
        jdbc.execute("CREATE TABLE routed_unkeyed_2026 () INHERITS (routed_unkeyed)");
        jdbc.execute("CREATE RULE routed_unkeyed_2026 AS ON INSERT TO routed_unkeyed WHERE (NEW.happened_on >= DATE '2026-01-01')"
                + " DO INSTEAD INSERT INTO routed_unkeyed_2026 VALUES (NEW.*)");
    }

    private static List<String> partitionNames(TestDatabase db) {
        return new JdbcTemplate(db.dataSource()).queryForList("SELECT name FROM routed_events_2026 ORDER BY name", String.class);
    }

    private static List<String> parentOnlyNames(TestDatabase db) {
        return new JdbcTemplate(db.dataSource()).queryForList("SELECT name FROM ONLY routed_events ORDER BY name", String.class);
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void saveTakesTheKeyFromTheSequenceAndReadsTheRowBack(TestDatabase db) {
        ModelRepository repo = ModelRepository.builder(db.dataSource()).build();
        RoutedEvent routed = repo.build(RoutedEvent.class, Map.of("name", "routed", "happened_on", IN_2026));
        repo.saveOrThrow(routed);
        RoutedEvent kept = repo.build(RoutedEvent.class, Map.of("name", "kept", "happened_on", IN_2025));
        repo.saveOrThrow(kept);

        assertThat(routed.isNew()).isFalse();
        assertThat(routed.<Long>get("id")).isNotNull();
        assertThat(routed.<String>get("kind")).isEqualTo("plain");   // the default, read back by key
        assertThat(routed.<Integer>get("lock_version")).isZero();
        assertThat(kept.<Long>get("id")).isEqualTo(routed.<Long>get("id") + 1);
        assertThat(partitionNames(db)).containsExactly("routed");
        assertThat(parentOnlyNames(db)).containsExactly("kept");
        assertThat(repo.findById(RoutedEvent.class, routed.id()).orElseThrow().toMap()).isEqualTo(routed.toMap());

        routed.set("kind", "edited");
        repo.saveOrThrow(routed);
        assertThat(routed.<Integer>get("lock_version")).isEqualTo(1);
        assertThat(repo.list(repo.query(RoutedEvent.class, "e").where(Q.eq("e.kind", "edited")), Map.of())).hasSize(1);
        repo.destroy(routed);
        assertThat(repo.findById(RoutedEvent.class, routed.id())).isEmpty();
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void insertBulkFollowsTheRuleInsteadOfCopyingPastIt(TestDatabase db) {
        ModelRepository repo = ModelRepository.builder(db.dataSource()).build();
        int inserted = repo.bulk().insertBulk(RoutedEvent.class, List.of("name", "happened_on"),
                List.of(Map.of("name", "a", "happened_on", IN_2026), Map.of("name", "b", "happened_on", IN_2025),
                        Map.of("name", "c", "happened_on", IN_2026)));
        assertThat(inserted).isGreaterThanOrEqualTo(0);   // PostgreSQL counts rows a rule redirected as 0
        assertThat(partitionNames(db)).containsExactly("a", "c");
        assertThat(parentOnlyNames(db)).containsExactly("b");
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void insertAllWritesKeysAndStoredRowsBack(TestDatabase db) {
        ModelRepository repo = ModelRepository.builder(db.dataSource()).build();
        List<RoutedEvent> events = List.of(
                repo.build(RoutedEvent.class, Map.of("name", "x", "happened_on", IN_2026)),
                repo.build(RoutedEvent.class, Map.of("name", "y", "happened_on", IN_2025)));
        repo.bulk().insertAll(events);
        for (RoutedEvent e : events) {
            assertThat(e.isNew()).isFalse();
            assertThat(e.<String>get("kind")).isEqualTo("plain");
            assertThat(repo.findById(RoutedEvent.class, e.id()).orElseThrow().<String>get("name")).isEqualTo(e.<String>get("name"));
        }
        assertThat(partitionNames(db)).containsExactly("x");
        assertThat(parentOnlyNames(db)).containsExactly("y");
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void aKeyWithoutASequenceMustBeGiven(TestDatabase db) {
        ModelRepository repo = ModelRepository.builder(db.dataSource()).build();
        RoutedUnkeyed missing = repo.build(RoutedUnkeyed.class, Map.of("happened_on", IN_2026));
        assertThatThrownBy(() -> repo.saveOrThrow(missing))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("routed_unkeyed")
                .hasMessageContaining("rule routed_unkeyed_2026")
                .hasMessageContaining("id takes its value from no sequence");
        assertThat(missing.isNew()).isTrue();

        RoutedUnkeyed given = repo.build(RoutedUnkeyed.class, Map.of("id", 7, "happened_on", IN_2026));
        repo.saveOrThrow(given);
        assertThat(repo.findById(RoutedUnkeyed.class, 7)).isPresent();
        assertThat(new JdbcTemplate(db.dataSource()).queryForObject("SELECT count(*) FROM routed_unkeyed_2026", Integer.class)).isEqualTo(1);
    }
}
