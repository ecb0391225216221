package dev.modelrepo.bulk;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;

import dev.modelrepo.fixtures.keys.Actor;
import dev.modelrepo.fixtures.keys.CastingNote;
import dev.modelrepo.fixtures.keys.Event;
import dev.modelrepo.fixtures.keys.Film;
import dev.modelrepo.fixtures.keys.FilmActor;
import dev.modelrepo.fixtures.keys.FilmLog;
import dev.modelrepo.fixtures.keys.Score;
import dev.modelrepo.model.Cascade;
import dev.modelrepo.model.Key;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * The bulk operations over composite keys (film_actors(actor_id, film_id), scores(player, round) of text and integer,
 * events(id, region) with a generated id) on every engine, compared with hand-written SQL.
 */
@Changelog("db/changelog/composite-keys.xml")
class CompositeKeyBulkTests {

    private static long count(TestDatabase db, String sql, Object... args) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** An actor in {@code n} new films, the castings inserted with insertAll. */
    private static List<FilmActor> castings(ModelRepository repo, int n) {
        Actor actor = repo.build(Actor.class, Map.of("name", "a" + UUID.randomUUID()));
        repo.saveOrThrow(actor);
        List<Film> films = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            films.add(repo.build(Film.class, Map.of("title", "f" + i)));
        }
        repo.bulk().insertAll(films);
        List<FilmActor> castings = new ArrayList<>();
        for (Film film : films) {
            castings.add(repo.build(FilmActor.class, Map.of("actor_id", actor.id(), "film_id", film.id(), "role", "r" + film.id())));
        }
        return repo.bulk().insertAll(castings);
    }

    private static ModelQuery<FilmActor> of(Object actor) {
        return ModelQuery.from(FilmActor.class, "fa").where(eq("fa.actor_id", actor)).orderBy(asc("fa.film_id"));
    }

    @EngineTest
    void insertAllWritesBackTheStoredRowOfEachCompositeKey(TestDatabase db) throws SQLException {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        List<FilmActor> castings = castings(repo, 5);
        Object actor = castings.get(0).get("actor_id");
        assertThat(castings).allSatisfy(c -> {
            assertThat(c.isNew()).isFalse();
            assertThat(c.<Object>get("lock_version")).isEqualTo(0);
        });
        assertThat(count(db, "SELECT COUNT(*) FROM film_actors WHERE actor_id = ? AND lock_version = 0", actor)).isEqualTo(5);
        assertThat(repo.list(of(actor), Map.of())).extracting(FilmActor::key).containsExactlyElementsOf(castings.stream().map(FilmActor::key).toList());
    }

    @EngineTest(engines = { Engine.H2, Engine.POSTGRESQL, Engine.MARIADB, Engine.MYSQL })
    void insertAllWritesBackAGeneratedKeyColumn(TestDatabase db) throws SQLException {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(repo.build(Event.class, Map.of("region", i % 2 == 0 ? "eu" : "us", "name", "e" + i)));
        }
        repo.bulk().insertAll(events);
        for (Event e : events) {
            assertThat(e.<Object>get("id")).isNotNull();
            assertThat(repo.findById(Event.class, e.key()).orElseThrow().<Object>get("name")).isEqualTo(e.get("name"));
        }
        assertThat(events.stream().map(Event::key).distinct()).hasSize(7);
    }

    @EngineTest
    void updateAllAndDeleteAllWriteByTheWholeKey(TestDatabase db) throws SQLException {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        List<FilmActor> castings = castings(repo, 4);
        Object actor = castings.get(0).get("actor_id");
        castings.get(1).set("role", "changed");
        castings.get(3).set("role", "changed");
        repo.bulk().updateAll(castings);
        assertThat(count(db, "SELECT COUNT(*) FROM film_actors WHERE actor_id = ? AND role = 'changed' AND lock_version = 1", actor)).isEqualTo(2);
        repo.bulk().deleteAll(List.of(castings.get(0), castings.get(3)), Cascade.ALL);
        assertThat(repo.list(of(actor), Map.of())).extracting(FilmActor::key).containsExactly(castings.get(1).key(), castings.get(2).key());
    }

    @EngineTest
    void updateBulkMatchesEveryKeyColumnAndChecksVersions(TestDatabase db) throws SQLException {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        List<FilmActor> castings = castings(repo, 30);
        List<FilmActor> others = castings(repo, 3);
        Object actor = castings.get(0).get("actor_id");
        for (FilmActor c : castings) {
            c.set("role", "bulk " + c.get("film_id"));
        }
        assertThat(repo.bulk().updateBulk(FilmActor.class, List.of("role"), castings)).isEqualTo(30);
        assertThat(count(db, "SELECT COUNT(*) FROM film_actors WHERE actor_id = ? AND role = " + concat(db) + " AND lock_version = 1", actor))
                .isEqualTo(30);
        assertThat(count(db, "SELECT COUNT(*) FROM film_actors WHERE actor_id = ? AND lock_version = 0", others.get(0).<Object>get("actor_id")))
                .isEqualTo(3);
        assertThat(castings).allSatisfy(c -> assertThat(c.<Object>get("lock_version")).isEqualTo(1));
        // a stale version fails the whole call, naming the key
        FilmActor stale = repo.findById(FilmActor.class, castings.get(4).key()).orElseThrow();
        castings.get(4).set("role", "again");
        repo.saveOrThrow(castings.get(4));
        stale.set("role", "stale");
        assertThatThrownBy(() -> repo.bulk().updateBulk(FilmActor.class, List.of("role"), List.of(castings.get(5), stale)))
                .isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessageContaining("actor_id, film_id").hasMessageContaining(stale.key().toString());
        // the same key twice is refused
        assertThatThrownBy(() -> repo.bulk().updateBulk(FilmActor.class, List.of("role"), List.of(castings.get(6), castings.get(6))))
                .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("the same key");
    }

    private static String concat(TestDatabase db) {
        return db.engine() == Engine.MARIADB || db.engine() == Engine.MYSQL ? "CONCAT('bulk ', film_id)" : "'bulk ' || film_id";
    }

    @EngineTest
    void updateBulkAndDeleteBulkByMapsOfAMixedKey(TestDatabase db) throws SQLException {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = "p" + UUID.randomUUID().toString().substring(0, 6);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int round = 0; round < 2500; round++) {
            for (String player : List.of(tag + "a", tag + "b")) {
                rows.add(Map.of("player", player, "round", round, "points", round));
            }
        }
        repo.bulk().insertBulk(Score.class, List.of("player", "round", "points"), rows);
        List<Map<String, Object>> updates = new ArrayList<>();
        List<Map<String, Object>> deletes = new ArrayList<>();
        for (int round = 0; round < 2500; round++) {
            updates.add(Map.of("player", tag + "a", "round", round, "points", -round));
            if (round % 2 == 0) {
                deletes.add(Map.of("player", tag + "b", "round", round));
            }
        }
        assertThat(repo.bulk().updateBulk(Score.class, List.of("points"), updates)).isEqualTo(2500);
        assertThat(count(db, "SELECT COUNT(*) FROM scores WHERE player = ? AND points = -round", tag + "a")).isEqualTo(2500);
        assertThat(count(db, "SELECT COUNT(*) FROM scores WHERE player = ? AND points = round", tag + "b")).isEqualTo(2500);
        assertThat(repo.bulk().deleteBulk(Score.class, deletes)).isEqualTo(1250);
        assertThat(count(db, "SELECT COUNT(*) FROM scores WHERE player = ?", tag + "a")).isEqualTo(2500);
        assertThat(count(db, "SELECT COUNT(*) FROM scores WHERE player = ? AND round % 2 = 1", tag + "b")).isEqualTo(1250);
        assertThat(count(db, "SELECT COUNT(*) FROM scores WHERE player = ?", tag + "b")).isEqualTo(1250);
    }

    @EngineTest
    void deleteBulkOfModelsFreezesThem(TestDatabase db) throws SQLException {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        List<FilmActor> castings = castings(repo, 6);
        assertThat(repo.bulk().deleteBulk(FilmActor.class, castings.subList(0, 4))).isEqualTo(4);
        assertThat(castings.subList(0, 4)).allSatisfy(c -> assertThat(c.isFrozen()).isTrue());
        assertThat(repo.list(of(castings.get(0).get("actor_id")), Map.of())).extracting(FilmActor::key)
                .containsExactly(castings.get(4).key(), castings.get(5).key());
    }

    @EngineTest
    void upsertsConflictOnTheCompositeKey(TestDatabase db) throws SQLException {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        List<FilmActor> castings = castings(repo, 2);
        Object actor = castings.get(0).get("actor_id");
        List<Map<String, Object>> rows = List.of(
                Map.of("actor_id", actor, "film_id", castings.get(0).get("film_id"), "role", "upserted"),
                Map.of("actor_id", actor, "film_id", castings.get(1).get("film_id"), "role", "upserted"));
        repo.bulk().upsertBulk(FilmActor.class, List.of("actor_id", "film_id", "role"), rows, List.of("actor_id", "film_id"));
        assertThat(count(db, "SELECT COUNT(*) FROM film_actors WHERE actor_id = ? AND role = 'upserted'", actor)).isEqualTo(2);
        FilmActor one = repo.build(FilmActor.class, Map.of("actor_id", actor, "film_id", castings.get(1).get("film_id"), "role", "one"));
        repo.bulk().upsert(one);
        assertThat(one.isNew()).isFalse();
        assertThat(one.key()).isEqualTo(castings.get(1).key());
        assertThat(count(db, "SELECT COUNT(*) FROM film_actors WHERE actor_id = ? AND role = 'one'", actor)).isEqualTo(1);
    }

    @EngineTest
    void deleteAllCascadesOverTheCompositeForeignKey(TestDatabase db) throws SQLException {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        List<FilmActor> castings = castings(repo, 3);
        Object actor = castings.get(0).get("actor_id");
        List<Map<String, Object>> notes = new ArrayList<>();
        for (FilmActor c : castings) {
            for (int line = 0; line < 3; line++) {
                notes.add(Map.of("actor_id", actor, "film_id", c.get("film_id"), "line", line, "note", "n"));
            }
        }
        repo.bulk().insertBulk(CastingNote.class, List.of("actor_id", "film_id", "line", "note"), notes);
        repo.bulk().deleteAll(castings.subList(0, 2), Cascade.ALL);
        assertThat(count(db, "SELECT COUNT(*) FROM casting_notes WHERE actor_id = ?", actor)).isEqualTo(3);
        assertThat(count(db, "SELECT COUNT(*) FROM casting_notes WHERE actor_id = ? AND film_id = ?", actor, castings.get(2).get("film_id")))
                .isEqualTo(3);
    }

    @EngineTest
    void keyedBulkWritesOfATableWithoutPrimaryKeyAreRefused(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String noKey = "FilmLog has no primary key (table film_logs)";
        assertThatThrownBy(() -> repo.bulk().updateBulk(FilmLog.class, List.of("message"), List.of(Map.of("film_id", 1, "message", "x"))))
                .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining(noKey);
        assertThatThrownBy(() -> repo.bulk().deleteBulk(FilmLog.class, List.of(Map.of("film_id", 1))))
                .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining(noKey);
        assertThatThrownBy(() -> repo.bulk().upsert(repo.build(FilmLog.class, Map.of("film_id", 1))))
                .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining(noKey);
        assertThat(repo.bulk().insertBulk(FilmLog.class, List.of("film_id", "message"), List.of(Map.of("film_id", 1, "message", "x"))))
                .isEqualTo(1);
    }

    @EngineTest
    void updateBulkNeedsEveryKeyColumn(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        assertThatThrownBy(() -> repo.bulk().updateBulk(Score.class, List.of("points"), List.of(Map.of("player", "x", "points", 1))))
                .hasMessageContaining("round");
        assertThat(Key.of("player", "x", "round", 1).size()).isEqualTo(2);
    }
}
