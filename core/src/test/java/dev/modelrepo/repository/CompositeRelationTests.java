package dev.modelrepo.repository;

import static dev.modelrepo.query.Q.*;
import static dev.modelrepo.repository.CompositeKeyTests.rows;
import static dev.modelrepo.repository.CompositeKeyTests.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.modelrepo.fixtures.CountingDataSource;
import dev.modelrepo.fixtures.keys.Actor;
import dev.modelrepo.fixtures.keys.CastingNote;
import dev.modelrepo.fixtures.keys.Film;
import dev.modelrepo.fixtures.keys.FilmActor;
import dev.modelrepo.model.BelongsTo;
import dev.modelrepo.model.Cascade;
import dev.modelrepo.model.Key;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelListener;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * Relations over a composite foreign key: casting_notes(actor_id, film_id, line) belongs to film_actors by
 * (actor_id, film_id), which has many notes by it. Joins, include (chunked), count and paging of a has-many join, writes
 * by a joined query, and cascades, compared with hand-written SQL on the same rows.
 */
@Changelog("db/changelog/composite-keys.xml")
class CompositeRelationTests {

    /** One actor in {@code films} films; casting i has i notes. */
    record Fixture(ModelRepository repo, CountingDataSource counter, long actor, List<Long> films) {
    }

    static Fixture fixture(TestDatabase db, int films, ModelListener... listeners) throws SQLException {
        CountingDataSource counter = new CountingDataSource(db.dataSource());
        ModelRepository repo = ModelRepository.builder(counter).listeners(List.of(listeners)).build();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Actor actor = repo.build(Actor.class, Map.of("name", "actor " + tag));
        repo.saveOrThrow(actor);
        long actorId = ((Number) actor.id()).longValue();
        List<Long> filmIds = new ArrayList<>();
        for (int f = 0; f < films; f++) {
            Film film = repo.build(Film.class, Map.of("title", tag + " film " + f));
            repo.saveOrThrow(film);
            long filmId = ((Number) film.id()).longValue();
            filmIds.add(filmId);
            sql(db, "INSERT INTO film_actors (actor_id, film_id, role, lock_version) VALUES (?, ?, ?, 0)", actorId, filmId, "role " + f);
            for (int line = 0; line < f; line++) {
                sql(db, "INSERT INTO casting_notes (actor_id, film_id, line, note) VALUES (?, ?, ?, ?)", actorId, filmId, line,
                        "note " + f + "." + line);
            }
        }
        counter.reset();
        return new Fixture(repo, counter, actorId, filmIds);
    }

    private static ModelQuery<FilmActor> castings(Fixture f) {
        return ModelQuery.from(FilmActor.class, "fa").where(eq("fa.actor_id", f.actor())).orderBy(asc("fa.film_id"));
    }

    @EngineTest
    void aBelongsToJoinMatchesEveryForeignKeyColumn(TestDatabase db) throws SQLException {
        Fixture f = fixture(db, 3);
        var q = ModelQuery.from(CastingNote.class, "n").join(inner("casting")).where(eq("n.actor_id", f.actor()))
                .orderBy(asc("n.film_id"), asc("n.line"));
        List<CastingNote> notes = f.repo().list(q, Map.of());
        List<List<Object>> expected = rows(db, "SELECT n.note, fa.role FROM casting_notes n JOIN film_actors fa"
                + " ON fa.actor_id = n.actor_id AND fa.film_id = n.film_id WHERE n.actor_id = ? ORDER BY n.film_id, n.line", f.actor());
        assertThat(notes).hasSize(3);
        assertThat(notes).extracting(n -> List.<Object>of(n.get("note"), n.<FilmActor>related("casting").get("role"))).isEqualTo(expected);
        assertThat(notes.get(2).<FilmActor>related("casting").key()).isEqualTo(Key.of("actor_id", f.actor(), "film_id", f.films().get(2)));
        assertThat(f.repo().toSql(q, Map.of())).containsIgnoringCase(f.repo().dialect().quote("casting") + "." + f.repo().dialect().quote("actor_id")
                + " = " + f.repo().dialect().quote("n") + "." + f.repo().dialect().quote("actor_id") + " AND " + f.repo().dialect().quote("casting")
                + "." + f.repo().dialect().quote("film_id") + " = " + f.repo().dialect().quote("n") + "." + f.repo().dialect().quote("film_id"));
    }

    @EngineTest
    void aHasManyJoinMergesRowsPerCompositeKeyAndPagesAndCountsParents(TestDatabase db) throws SQLException {
        Fixture f = fixture(db, 4);
        var q = castings(f).join(inner("notes"));
        List<FilmActor> merged = f.repo().list(q, Map.of());
        assertThat(merged).extracting(c -> c.relatedList("notes").size()).containsExactly(1, 2, 3);
        assertThat(merged.get(2).<CastingNote>relatedList("notes")).extracting(n -> n.<Object>get("note"))
                .containsExactly("note 3.0", "note 3.1", "note 3.2");
        assertThat(f.repo().count(q, Map.of())).isEqualTo(3);
        List<FilmActor> page = f.repo().list(q.limit(2), Map.of());
        assertThat(page).extracting(c -> c.relatedList("notes").size()).containsExactly(1, 2);
        assertThat(f.repo().first(q, Map.of()).orElseThrow().<CastingNote>relatedList("notes")).hasSize(1);
    }

    @EngineTest
    void includeLoadsCompositeRelationsWithOneQueryPerLevel(TestDatabase db) throws SQLException {
        Fixture f = fixture(db, 4);
        List<FilmActor> loaded = f.repo().list(castings(f).include("notes"), Map.of());
        assertThat(f.counter().statements()).hasSize(2);
        assertThat(loaded).extracting(c -> c.relatedList("notes").size()).containsExactly(0, 1, 2, 3);
        f.counter().reset();
        List<CastingNote> notes = f.repo().list(ModelQuery.from(CastingNote.class, "n").where(eq("n.actor_id", f.actor()))
                .orderBy(asc("n.film_id"), asc("n.line")).include("casting.film"), Map.of());
        assertThat(f.counter().statements()).hasSize(3);
        assertThat(notes).hasSize(6).allSatisfy(n -> assertThat(n.<FilmActor>related("casting").<Object>get("film_id"))
                .isEqualTo(n.get("film_id")));
        assertThat(notes.get(5).<FilmActor>related("casting").<Film>related("film").<Object>get("id")).isEqualTo(f.films().get(3));
    }

    /** More parents than one OR-chain holds: the composite keys are chunked (within the engine's bind limit). */
    @EngineTest
    void includeOfManyCompositeParentsIsChunked(TestDatabase db) throws SQLException {
        Fixture f = fixture(db, 1);
        List<Map<String, Object>> castings = new ArrayList<>();
        List<Map<String, Object>> notes = new ArrayList<>();
        List<Map<String, Object>> films = new ArrayList<>();
        int parents = 1200;
        for (int i = 0; i < parents; i++) {
            films.add(Map.of("title", "many " + i));
        }
        List<Film> saved = f.repo().bulk().insertAll(films.stream().map(m -> f.repo().build(Film.class, m)).toList());
        for (Film film : saved) {
            castings.add(Map.of("actor_id", f.actor(), "film_id", film.id(), "role", "r", "lock_version", 0));
            notes.add(Map.of("actor_id", f.actor(), "film_id", film.id(), "line", 7, "note", "n" + film.id()));
        }
        f.repo().bulk().insertBulk(FilmActor.class, List.of("actor_id", "film_id", "role", "lock_version"), castings);
        f.repo().bulk().insertBulk(CastingNote.class, List.of("actor_id", "film_id", "line", "note"), notes);
        f.counter().reset();
        List<FilmActor> loaded = f.repo().list(castings(f).include("notes"), Map.of());
        assertThat(loaded).hasSize(parents + 1);
        assertThat(f.counter().statements().size()).isGreaterThan(2);
        assertThat(loaded.subList(1, loaded.size())).allSatisfy(c -> assertThat(c.<CastingNote>relatedList("notes")).singleElement()
                .satisfies(n -> assertThat(n.<Object>get("note")).isEqualTo("n" + c.get("film_id"))));
    }

    @EngineTest
    void aWriteByAJoinedQueryKeepsTheRowsOfTheWholeKey(TestDatabase db) throws SQLException {
        Fixture f = fixture(db, 4);
        var withNotes = ModelQuery.from(FilmActor.class, "fa").join(inner("notes")).where(and(eq("fa.actor_id", f.actor()),
                eq("notes.line", 2)));
        assertThat(f.repo().updateWhere(withNotes, Map.of("role", "noted"), Map.of())).isEqualTo(1);
        assertThat(rows(db, "SELECT film_id FROM film_actors WHERE actor_id = ? AND role = 'noted'", f.actor()))
                .containsExactly(List.of(f.films().get(3)));
    }

    @EngineTest
    void destroyWithCascadeDeletesChildrenByTheCompositeKey(TestDatabase db) throws SQLException {
        Fixture f = fixture(db, 3);
        Fixture other = fixture(db, 3);
        FilmActor casting = f.repo().findById(FilmActor.class, Key.of("actor_id", f.actor(), "film_id", f.films().get(2))).orElseThrow();
        f.repo().destroy(casting, Cascade.ALL);
        assertThat(rows(db, "SELECT film_id, line FROM casting_notes WHERE actor_id = ? ORDER BY film_id, line", f.actor()))
                .containsExactly(List.of(f.films().get(1), 0L));
        // set-based: the actor's castings, then their notes, by a subquery over the composite key
        Actor actor = f.repo().findById(Actor.class, f.actor()).orElseThrow();
        f.repo().destroy(actor, Cascade.ALL);
        assertThat(rows(db, "SELECT COUNT(*) FROM casting_notes WHERE actor_id = ?", f.actor())).containsExactly(List.of(0L));
        assertThat(rows(db, "SELECT COUNT(*) FROM film_actors WHERE actor_id = ?", f.actor())).containsExactly(List.of(0L));
        assertThat(rows(db, "SELECT COUNT(*) FROM casting_notes WHERE actor_id = ?", other.actor())).containsExactly(List.of(3L));
    }

    @EngineTest
    void cascadeThroughHooksDestroysEachCompositeChild(TestDatabase db) throws SQLException {
        List<String> deleted = new ArrayList<>();
        ModelListener listener = new ModelListener() {
            @Override
            public void afterDelete(Model model) {
                deleted.add(model.getClass().getSimpleName() + " " + model.key());
            }
        };
        Fixture f = fixture(db, 3, listener);
        f.repo().destroy(f.repo().findById(Actor.class, f.actor()).orElseThrow(), Cascade.ALL);
        assertThat(deleted).hasSize(7).contains("CastingNote Key[actor_id=" + f.actor() + ", film_id=" + f.films().get(2) + ", line=1]",
                "FilmActor Key[actor_id=" + f.actor() + ", film_id=" + f.films().get(0) + "]");
        assertThat(rows(db, "SELECT COUNT(*) FROM film_actors WHERE actor_id = ?", f.actor())).containsExactly(List.of(0L));
    }

    /** A relation whose key has another number of columns than the key it refers to. */
    @Table(name = "casting_notes")
    @BelongsTo(model = FilmActor.class, as = "casting", foreignKey = "actor_id")
    public static class BadNote extends Model {
    }

    @EngineTest
    void aForeignKeyOfTheWrongWidthIsRefusedClearly(TestDatabase db) throws SQLException {
        Fixture f = fixture(db, 2);   // one note, to include a casting for
        assertThatThrownBy(() -> f.repo().list(ModelQuery.from(BadNote.class, "n").join(inner("casting")), Map.of()))
                .hasMessageContaining("BadNote").hasMessageContaining("[actor_id]").hasMessageContaining("[actor_id, film_id]");
        assertThatThrownBy(() -> f.repo().list(ModelQuery.from(BadNote.class, "n").include("casting"), Map.of()))
                .hasMessageContaining("[actor_id]").hasMessageContaining("[actor_id, film_id]");
        // and start-up says so
        var registry = new dev.modelrepo.model.ModelRegistry(db.dataSource(), f.repo().dialect()).register(BadNote.class);
        assertThatThrownBy(registry::loadAll).isInstanceOf(dev.modelrepo.model.ModelDeclarationException.class)
                .hasMessageContaining("BadNote: @BelongsTo(casting).key names the column 'actor_id', which pairs 1 column(s) with the primary key"
                        + " [actor_id, film_id] of FilmActor");
    }
}
