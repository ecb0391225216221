package dev.modelrepo.query;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.MySqlDialect;
import dev.modelrepo.fixtures.dvd.Actor;
import dev.modelrepo.fixtures.dvd.CastingCredit;
import dev.modelrepo.fixtures.dvd.Film;
import dev.modelrepo.fixtures.dvd.FilmActor;
import dev.modelrepo.fixtures.dvd.FilmText;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.ColumnTypeInfo;
import dev.modelrepo.schema.TableMetadata;

/**
 * The whole SQL of has-one and has-many-through joins per dialect, MySQL included (no server here), rendered offline
 * over hand-written metadata of the DVD-rental tables: a relation through a join model is two joins, the join model
 * under {@code <alias>_<through>} and not selected; a has-one pairs every column of a composite key.
 */
class RelationRenderingTests {

    static Stream<Arguments> dialects() {
        return RenderingTests.ALL.stream().map(d -> Arguments.of(d.name(), d));
    }

    private static String expect(Dialect dialect, String neutral) {
        return dialect instanceof MySqlDialect ? neutral.replace('"', '`') : neutral;
    }

    private static QueryRenderer renderer(Dialect d) {
        ModelRegistry registry = ModelRegistry.offline(d)
                .define(Film.class, table(d, "film", List.of("film_id"), "film_id", "title", "language_id"))
                .define(FilmText.class, table(d, "film_text", List.of("film_id"), "film_id", "description"))
                .define(Actor.class, table(d, "actor", List.of("actor_id"), "actor_id", "last_name"))
                .define(FilmActor.class, table(d, "film_actor", List.of("actor_id", "film_id"), "actor_id", "film_id", "character_name"))
                .define(CastingCredit.class, table(d, "casting_credit", List.of("actor_id", "film_id"), "actor_id", "film_id", "billing"));
        return new QueryRenderer(registry, new QueryCache());
    }

    /** A table whose columns are integers (ids) or text (the rest). */
    private static TableMetadata table(Dialect d, String name, List<String> key, String... names) {
        List<ColumnMetadata> columns = new ArrayList<>();
        for (String column : names) {
            boolean id = column.endsWith("_id");
            int type = id ? Types.INTEGER : Types.VARCHAR;
            String typeName = id ? "INTEGER" : "VARCHAR";
            var kind = d.columnKind(new ColumnTypeInfo(type, typeName, 0, 0, false, false));
            columns.add(new ColumnMetadata(column, type, typeName, 0, 0, !key.contains(column), null, false, key.contains(column), kind));
        }
        return new TableMetadata(name, null, false, columns, key);
    }

    private static String sql(Dialect d, ModelQuery<?> q) {
        return renderer(d).render(q, Map.of()).sql();
    }

    @ParameterizedTest(name = "through join [{0}]")
    @MethodSource("dialects")
    void aRelationThroughAJoinModelIsTwoJoins(String name, Dialect d) {
        assertThat(sql(d, ModelQuery.from(Film.class, "f").select(col("f.title"), col("actors.last_name")).join(inner("actors"))))
                .isEqualTo(expect(d, "SELECT \"f\".\"title\", \"actors\".\"last_name\" AS \"actors.last_name\" FROM \"film\" \"f\""
                        + " INNER JOIN \"film_actor\" \"actors_film_actors\" ON \"actors_film_actors\".\"film_id\" = \"f\".\"film_id\""
                        + " INNER JOIN \"actor\" \"actors\" ON \"actors\".\"actor_id\" = \"actors_film_actors\".\"actor_id\""));
        // a LEFT join keeps films without actors through both joins; an alias names the join model's alias too
        assertThat(sql(d, ModelQuery.from(Film.class, "f").select(col("f.title")).join(left("actors").as("cast"))
                .where(eq("cast_film_actors.character_name", "Truman"))))
                .isEqualTo(expect(d, "SELECT \"f\".\"title\" FROM \"film\" \"f\""
                        + " LEFT JOIN \"film_actor\" \"cast_film_actors\" ON \"cast_film_actors\".\"film_id\" = \"f\".\"film_id\""
                        + " LEFT JOIN \"actor\" \"cast\" ON \"cast\".\"actor_id\" = \"cast_film_actors\".\"actor_id\""
                        + " WHERE \"cast_film_actors\".\"character_name\" = ?"));
    }

    @ParameterizedTest(name = "through join selects the target only [{0}]")
    @MethodSource("dialects")
    void theJoinModelOfAThroughJoinIsNotSelected(String name, Dialect d) {
        assertThat(sql(d, ModelQuery.from(Film.class, "f").join(inner("actors"))))
                .startsWith(expect(d, "SELECT \"f\".\"film_id\", \"f\".\"title\", \"f\".\"language_id\", \"actors\".\"actor_id\" AS"
                        + " \"actors.actor_id\", \"actors\".\"last_name\" AS \"actors.last_name\" FROM \"film\" \"f\" INNER JOIN"));
    }

    @ParameterizedTest(name = "has-one join [{0}]")
    @MethodSource("dialects")
    void aHasOneJoinPairsTheChildsForeignKeyWithThisKey(String name, Dialect d) {
        assertThat(sql(d, ModelQuery.from(Film.class, "f").select(col("f.title"), col("text.description")).join(left("text"))))
                .isEqualTo(expect(d, "SELECT \"f\".\"title\", \"text\".\"description\" AS \"text.description\" FROM \"film\" \"f\""
                        + " LEFT JOIN \"film_text\" \"text\" ON \"text\".\"film_id\" = \"f\".\"film_id\""));
        assertThat(sql(d, ModelQuery.from(FilmActor.class, "fa").select(col("fa.character_name"), col("credit.billing"))
                .join(inner("credit"))))
                .isEqualTo(expect(d, "SELECT \"fa\".\"character_name\", \"credit\".\"billing\" AS \"credit.billing\" FROM \"film_actor\" \"fa\""
                        + " INNER JOIN \"casting_credit\" \"credit\" ON \"credit\".\"actor_id\" = \"fa\".\"actor_id\""
                        + " AND \"credit\".\"film_id\" = \"fa\".\"film_id\""));
    }
}
