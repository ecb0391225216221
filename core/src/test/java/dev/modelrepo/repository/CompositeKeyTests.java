package dev.modelrepo.repository;

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
import dev.modelrepo.fixtures.keys.Event;
import dev.modelrepo.fixtures.keys.Film;
import dev.modelrepo.fixtures.keys.FilmActor;
import dev.modelrepo.fixtures.keys.FilmLog;
import dev.modelrepo.fixtures.keys.Score;
import dev.modelrepo.model.FrozenModelException;
import dev.modelrepo.model.Key;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * Models over composite primary keys (film_actors(actor_id, film_id), scores(player, round), events(id, region)) and
 * a table without any: find by key, save, optimistic locking, destroy, keyset paging; results compared with
 * hand-written SQL on the same rows.
 */
@Changelog("db/changelog/composite-keys.xml")
class CompositeKeyTests {

    /** An actor and a film saved by the repository, and a casting of them inserted by hand. */
    record Cast(ModelRepository repo, long actor, long film) {
    }

    static Cast cast(TestDatabase db) throws SQLException {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Actor actor = repo.build(Actor.class, Map.of("name", "actor " + tag));
        repo.saveOrThrow(actor);
        Film film = repo.build(Film.class, Map.of("title", "film " + tag));
        repo.saveOrThrow(film);
        Cast cast = new Cast(repo, ((Number) actor.id()).longValue(), ((Number) film.id()).longValue());
        sql(db, "INSERT INTO film_actors (actor_id, film_id, role, lock_version) VALUES (?, ?, ?, 0)", cast.actor(), cast.film(), "lead");
        return cast;
    }

    /** A second film for the same actor, cast by hand too. */
    static long anotherFilm(TestDatabase db, Cast cast, String role) throws SQLException {
        Film film = cast.repo().build(Film.class, Map.of("title", "other " + UUID.randomUUID()));
        cast.repo().saveOrThrow(film);
        long id = ((Number) film.id()).longValue();
        sql(db, "INSERT INTO film_actors (actor_id, film_id, role, lock_version) VALUES (?, ?, ?, 0)", cast.actor(), id, role);
        return id;
    }

    static int sql(TestDatabase db, String sql, Object... args) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    static List<List<Object>> rows(TestDatabase db, String sql, Object... args) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<List<Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.add(v instanceof Number n && !(v instanceof java.math.BigDecimal) ? (Object) n.longValue() : v);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    static Key key(Cast cast) {
        return Key.of("actor_id", cast.actor(), "film_id", cast.film());
    }

    @EngineTest
    void findByIdTakesAKeyOfEveryKeyColumn(TestDatabase db) throws SQLException {
        Cast cast = cast(db);
        FilmActor found = cast.repo().findById(FilmActor.class, key(cast)).orElseThrow();
        assertThat(rows(db, "SELECT role FROM film_actors WHERE actor_id = ? AND film_id = ?", cast.actor(), cast.film()))
                .containsExactly(List.of(found.<Object>get("role")));
        assertThat(found.key()).isEqualTo(key(cast)).isEqualTo(Key.of("film_id", (int) cast.film(), "actor_id", (int) cast.actor()));
        assertThat(found.key().columns()).containsExactly("actor_id", "film_id");
        assertThat(cast.repo().findById(FilmActor.class, Key.of("actor_id", cast.actor(), "film_id", -1))).isEmpty();
        // a key given as a plain Object still finds by key
        assertThat(cast.repo().findById(FilmActor.class, (Object) key(cast))).isPresent();
    }

    @EngineTest
    void getByIdAndReloadWorkByTheWholeKey(TestDatabase db) throws SQLException {
        Cast cast = cast(db);
        FilmActor got = cast.repo().getById(FilmActor.class, key(cast));
        assertThat(got.key()).isEqualTo(key(cast));
        assertThatThrownBy(() -> cast.repo().getById(FilmActor.class, Key.of("actor_id", cast.actor(), "film_id", -1)))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("FilmActor").hasMessageContaining("film_id=-1");
        sql(db, "UPDATE film_actors SET role = 'changed' WHERE actor_id = ? AND film_id = ?", cast.actor(), cast.film());
        got.set("lock_version", 5);
        cast.repo().reload(got);
        assertThat(got.<Object>get("role")).isEqualTo("changed");
        assertThat(got.isDirty()).isFalse();
        sql(db, "DELETE FROM film_actors WHERE actor_id = ? AND film_id = ?", cast.actor(), cast.film());
        assertThatThrownBy(() -> cast.repo().reload(got)).hasMessageContaining("FilmActor Key[actor_id=" + cast.actor());
    }

    @EngineTest
    void aCompositeKeyModelIsNotFoundByOneValue(TestDatabase db) throws SQLException {
        Cast cast = cast(db);
        assertThatThrownBy(() -> cast.repo().findById(FilmActor.class, cast.actor()))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("FilmActor has the composite primary key [actor_id, film_id]")
                .hasMessageContaining("Key.of(\"actor_id\", …, \"film_id\", …)");
        assertThatThrownBy(() -> cast.repo().findById(FilmActor.class, Key.of("actor_id", cast.actor())))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("[actor_id, film_id]").hasMessageContaining("Key[actor_id=");
        assertThatThrownBy(() -> cast.repo().findById(FilmActor.class, Key.of("actor_id", cast.actor(), "film_id", null)))
                .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("film_id");
    }

    @EngineTest
    void aSingleColumnModelIsFoundByAKeyToo(TestDatabase db) throws SQLException {
        Cast cast = cast(db);
        Actor actor = cast.repo().findById(Actor.class, Key.of("id", cast.actor())).orElseThrow();
        assertThat(actor.key()).isEqualTo(Key.of("id", cast.actor()));
        assertThat(cast.repo().findById(Actor.class, cast.actor())).isPresent();
    }

    @EngineTest
    void keyColumnsFollowTheKeyNotTheTable(TestDatabase db) throws SQLException {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String player = "p" + UUID.randomUUID().toString().substring(0, 8);
        sql(db, "INSERT INTO scores (round, player, points) VALUES (1, ?, 10), (2, ?, 20)", player, player);
        Score score = repo.findById(Score.class, Key.of("round", 2, "player", player)).orElseThrow();
        assertThat(score.key().columns()).containsExactly("player", "round");
        assertThat(score.<Object>get("points")).isEqualTo(20);
        score.set("points", 25);
        repo.saveOrThrow(score);
        assertThat(rows(db, "SELECT round, points FROM scores WHERE player = ? ORDER BY round", player))
                .containsExactly(List.of(1L, 10L), List.of(2L, 25L));
    }

    @EngineTest
    void saveInsertsAndUpdatesByEveryKeyColumn(TestDatabase db) throws SQLException {
        Cast cast = cast(db);
        long other = anotherFilm(db, cast, "extra");
        FilmActor loaded = cast.repo().findById(FilmActor.class, key(cast)).orElseThrow();
        loaded.set("role", "villain");
        cast.repo().saveOrThrow(loaded);
        assertThat(loaded.<Object>get("lock_version")).isEqualTo(1);
        assertThat(rows(db, "SELECT film_id, role, lock_version FROM film_actors WHERE actor_id = ? ORDER BY film_id", cast.actor()))
                .containsExactlyInAnyOrder(List.of(cast.film(), "villain", 1L), List.of(other, "extra", 0L));

        Film third = cast.repo().build(Film.class, Map.of("title", "third"));
        cast.repo().saveOrThrow(third);
        FilmActor created = cast.repo().build(FilmActor.class, Map.of("actor_id", cast.actor(), "film_id", third.id(), "role", "cameo"));
        cast.repo().saveOrThrow(created);
        assertThat(created.isNew()).isFalse();
        assertThat(created.key()).isEqualTo(Key.of("actor_id", cast.actor(), "film_id", third.id()));
        assertThat(created.<Object>get("lock_version")).isEqualTo(0);
        assertThat(rows(db, "SELECT role FROM film_actors WHERE actor_id = ? AND film_id = ?", cast.actor(), third.id()))
                .containsExactly(List.of("cameo"));
    }

    @EngineTest
    void aKeyColumnCannotBeChangedBySave(TestDatabase db) throws SQLException {
        Cast cast = cast(db);
        FilmActor loaded = cast.repo().findById(FilmActor.class, key(cast)).orElseThrow();
        loaded.set("film_id", cast.film() + 1000);
        assertThatThrownBy(() -> cast.repo().save(loaded)).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("primary key of FilmActor cannot be changed");
    }

    @EngineTest
    void optimisticLockingChecksTheRowOfTheWholeKey(TestDatabase db) throws SQLException {
        Cast cast = cast(db);
        anotherFilm(db, cast, "extra");
        FilmActor first = cast.repo().findById(FilmActor.class, key(cast)).orElseThrow();
        FilmActor second = cast.repo().findById(FilmActor.class, key(cast)).orElseThrow();
        first.set("role", "first");
        cast.repo().saveOrThrow(first);
        second.set("role", "second");
        assertThatThrownBy(() -> cast.repo().save(second)).isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessageContaining("FilmActor Key[actor_id=" + cast.actor() + ", film_id=" + cast.film() + "]");
        assertThatThrownBy(() -> cast.repo().destroy(second)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(rows(db, "SELECT role FROM film_actors WHERE actor_id = ? AND film_id = ?", cast.actor(), cast.film()))
                .containsExactly(List.of("first"));
    }

    @EngineTest
    void aRolledBackWriteGivesACompositeKeyModelItsStateBack(TestDatabase db) throws SQLException {
        Cast cast = cast(db);
        FilmActor loaded = cast.repo().findById(FilmActor.class, key(cast)).orElseThrow();
        Film film = cast.repo().build(Film.class, Map.of("title", "rolled back"));
        cast.repo().saveOrThrow(film);
        FilmActor created = cast.repo().build(FilmActor.class, Map.of("actor_id", cast.actor(), "film_id", film.id(), "role", "new"));
        loaded.set("role", "inside");
        assertThatThrownBy(() -> cast.repo().useTransaction(() -> {
            cast.repo().saveOrThrow(loaded);
            cast.repo().saveOrThrow(created);
            cast.repo().destroy(loaded);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(loaded.isFrozen()).isFalse();
        assertThat(loaded.isDirty("role")).isTrue();
        assertThat(loaded.<Object>get("lock_version")).isEqualTo(0);
        assertThat(created.isNew()).isTrue();
        assertThat(rows(db, "SELECT role FROM film_actors WHERE actor_id = ? ORDER BY film_id", cast.actor())).containsExactly(List.of("lead"));
        cast.repo().saveOrThrow(loaded);
        cast.repo().saveOrThrow(created);
        assertThat(rows(db, "SELECT role, lock_version FROM film_actors WHERE actor_id = ? ORDER BY film_id", cast.actor()))
                .containsExactly(List.of("inside", 1L), List.of("new", 0L));
    }

    @EngineTest
    void destroyDeletesTheRowOfTheWholeKey(TestDatabase db) throws SQLException {
        Cast cast = cast(db);
        long other = anotherFilm(db, cast, "extra");
        FilmActor loaded = cast.repo().findById(FilmActor.class, key(cast)).orElseThrow();
        cast.repo().destroy(loaded);
        assertThat(loaded.isFrozen()).isTrue();
        assertThat(rows(db, "SELECT film_id FROM film_actors WHERE actor_id = ?", cast.actor())).containsExactly(List.of(other));
        assertThatThrownBy(() -> loaded.set("role", "again")).isInstanceOf(FrozenModelException.class)
                .hasMessageContaining("FilmActor " + loaded.key()).hasMessageNotContaining("id=null");
    }

    @EngineTest(engines = { Engine.H2, Engine.POSTGRESQL, Engine.MARIADB, Engine.MYSQL })
    void aGeneratedColumnOfACompositeKeyIsWrittenBack(TestDatabase db) throws SQLException {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        Event event = repo.build(Event.class, Map.of("region", "eu", "name", "launch"));
        repo.saveOrThrow(event);
        Object id = event.get("id");
        assertThat(id).isNotNull();
        assertThat(event.key()).isEqualTo(Key.of("id", id, "region", "eu"));
        event.set("name", "relaunch");
        repo.saveOrThrow(event);
        assertThat(rows(db, "SELECT name FROM events WHERE id = ? AND region = ?", id, "eu")).containsExactly(List.of("relaunch"));
        repo.destroy(repo.findById(Event.class, event.key()).orElseThrow());
        assertThat(rows(db, "SELECT name FROM events WHERE id = ?", id)).isEmpty();
    }

    @EngineTest
    void aTableWithoutPrimaryKeyIsReadOnlyAsAModel(TestDatabase db) throws SQLException {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        long film = 1_000_000 + (long) (Math.random() * 1_000_000);
        sql(db, "INSERT INTO film_logs (film_id, message) VALUES (?, 'made')", film);
        FilmLog log = repo.first(ModelQuery.from(FilmLog.class, "l").where(eq("l.film_id", film)), Map.of()).orElseThrow();
        assertThat(log.<Object>get("message")).isEqualTo("made");
        String noKey = "FilmLog has no primary key (table film_logs): a model without one is read-only";
        log.set("message", "changed");
        assertThatThrownBy(() -> repo.save(log)).isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining(noKey)
                .hasMessageContaining("cannot be saved");
        assertThatThrownBy(() -> repo.destroy(log)).isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining(noKey);
        assertThatThrownBy(() -> repo.save(repo.build(FilmLog.class, Map.of("film_id", film))))
                .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining(noKey);
        assertThatThrownBy(() -> repo.findById(FilmLog.class, film)).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining(noKey);
        assertThatThrownBy(log::key).isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining(noKey);
        assertThatThrownBy(() -> repo.bulk().insertAll(List.of(repo.build(FilmLog.class, Map.of("film_id", film)))))
                .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining(noKey);
        // set-based writes need no key
        repo.bulk().insertBulk(FilmLog.class, List.of("film_id", "message"), List.of(Map.of("film_id", film, "message", "bulk")));
        assertThat(repo.updateWhere(ModelQuery.from(FilmLog.class, "l").where(eq("l.film_id", film)), Map.of("message", "all"), Map.of()))
                .isEqualTo(2);
        assertThat(rows(db, "SELECT message FROM film_logs WHERE film_id = ?", film)).containsExactly(List.of("all"), List.of("all"));
        assertThat(repo.deleteWhere(ModelQuery.from(FilmLog.class, "l").where(eq("l.film_id", film)), Map.of())).isEqualTo(2);
    }

    @EngineTest
    void keysetPagingWalksACompositeKey(TestDatabase db) throws SQLException {
        Cast cast = cast(db);
        for (int i = 0; i < 4; i++) {
            anotherFilm(db, cast, "r" + i);
        }
        Cast second = cast(db);
        // between, not in: H2 2.4.240 returns a row twice when a re-run statement has IN and an OR on the same index column
        ModelQuery<FilmActor> ordered = ModelQuery.from(FilmActor.class, "fa").where(between("fa.actor_id", cast.actor(), second.actor()))
                .orderBy(asc("fa.actor_id"), asc("fa.film_id")).limit(2);
        List<Key> walked = new ArrayList<>();
        List<FilmActor> page = cast.repo().list(ordered, Map.of());
        while (!page.isEmpty()) {
            page.forEach(p -> walked.add(p.key()));
            page = cast.repo().list(ordered.seekAfter(page.get(page.size() - 1).key()), Map.of());
        }
        List<Key> expected = rows(db, "SELECT actor_id, film_id FROM film_actors WHERE actor_id IN (?, ?) ORDER BY actor_id, film_id",
                cast.actor(), second.actor()).stream().map(r -> Key.of("actor_id", r.get(0), "film_id", r.get(1))).toList();
        assertThat(walked).hasSize(6).isEqualTo(expected);
    }
}
