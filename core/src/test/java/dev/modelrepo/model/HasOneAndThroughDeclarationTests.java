package dev.modelrepo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Types;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.dialect.H2Dialect;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.RegistryAccess;
import dev.modelrepo.model.internal.Relation;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;
import dev.modelrepo.types.ColumnKind;

/**
 * {@code @HasOne} and {@code @HasMany(through = …, source = …)} as the model layer reads them: the source named or found by
 * its target, and every declaration that cannot work refused with what to write instead, before any SQL.
 */
class HasOneAndThroughDeclarationTests {

    @Table(name = "films")
    @HasOne(model = Poster.class, as = "poster", foreignKey = "film_id")
    @HasMany(model = Casting.class, as = "castings", foreignKey = "film_id")
    @HasMany(model = Star.class, as = "stars", through = "castings", source = "star")
    @HasMany(model = Credit.class, as = "credits", foreignKey = "film_id")
    @HasMany(model = Star.class, as = "credited", through = "credits")
    static final class Movie extends Model {
    }

    @Table(name = "credits")
    @BelongsTo(model = Star.class, as = "star", foreignKey = "star_id")
    static final class Credit extends Model {
    }

    @Table(name = "castings")
    @BelongsTo(model = Movie.class, as = "movie", foreignKey = "film_id")
    @BelongsTo(model = Star.class, as = "star", foreignKey = "star_id")
    @BelongsTo(model = Star.class, as = "stand_in", foreignKey = "stand_in_id")
    static final class Casting extends Model {
    }

    @Table(name = "stars")
    static final class Star extends Model {
    }

    @Table(name = "posters")
    static final class Poster extends Model {
    }

    @Table(name = "films")
    @HasMany(model = Star.class, as = "stars", through = "nothing")
    static final class UnknownThrough extends Model {
    }

    @Table(name = "films")
    @HasMany(model = Casting.class, as = "castings", foreignKey = "film_id")
    @HasMany(model = Star.class, as = "stars", through = "castings", source = "director")
    static final class UnknownSource extends Model {
    }

    @Table(name = "films")
    @HasMany(model = Casting.class, as = "castings", foreignKey = "film_id")
    @HasMany(model = Poster.class, as = "posters", through = "castings", source = "star")
    static final class SourceOfAnotherModel extends Model {
    }

    @Table(name = "films")
    @HasMany(model = Casting.class, as = "castings", foreignKey = "film_id")
    @HasMany(model = Star.class, as = "stars", through = "castings", foreignKey = "star_id")
    static final class ThroughWithAForeignKey extends Model {
    }

    @Table(name = "films")
    @HasMany(model = Casting.class, as = "castings", foreignKey = "film_id")
    @HasMany(model = Star.class, as = "stars", through = "castings", source = "star")
    @HasMany(model = Star.class, as = "all", through = "stars", source = "star")
    static final class ThroughAThrough extends Model {
    }

    @Table(name = "films")
    @HasOne(model = Poster.class, as = "poster", foreignKey = "film_id")
    @HasMany(model = Poster.class, as = "poster", foreignKey = "film_id")
    static final class TwoNamedAlike extends Model {
    }

    private static ModelInfo info(Class<? extends Model> type) {
        TableMetadata films = new TableMetadata("films", null, false, List.of(new ColumnMetadata("id", Types.BIGINT, "BIGINT", 0, 0,
                false, null, true, true, ColumnKind.BIGINT)), List.of("id"));
        return RegistryAccess.get(ModelRegistry.class).info(ModelRegistry.offline(H2Dialect.INSTANCE).define(type, films), type);
    }

    @Test
    void aHasOneIsOneRowHoldingThisModelsKey() {
        Relation poster = info(Movie.class).relation("poster");
        assertThat(poster).isEqualTo(new Relation("poster", Relation.Kind.HAS_ONE, Movie.class, Poster.class, "film_id"));
        assertThat(poster.many()).isFalse();
        assertThat(poster.childKey()).isTrue();
    }

    @Test
    void aRelationThroughAJoinModelNamesItsSourceOrFindsItByItsTarget() {
        ModelInfo movie = info(Movie.class);
        assertThat(movie.relation("stars")).isEqualTo(Relation.through("stars", Movie.class, Star.class, "castings", "star"));
        assertThat(movie.relation("stars").many()).isTrue();
        assertThat(movie.relation("stars").childKey()).isFalse();   // a cascade deletes the castings, never the stars
        assertThat(movie.relation("credited")).isEqualTo(Relation.through("credited", Movie.class, Star.class, "credits", "star"));
        assertThat(movie.relations().keySet()).containsExactly("poster", "castings", "credits", "stars", "credited");
        // two relations of Casting lead to Star: the source must be named
        assertThatThrownBy(() -> info(AmbiguousSource.class))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("@HasMany(as = \"cast\", through = \"castings\") on AmbiguousSource needs source = \"…\"")
                .hasMessageContaining("several relations [star, stand_in] to Star");
    }

    @Table(name = "films")
    @HasMany(model = Casting.class, as = "castings", foreignKey = "film_id")
    @HasMany(model = Star.class, as = "cast", through = "castings")
    static final class AmbiguousSource extends Model {
    }

    @Test
    void aThroughThatCannotWorkIsRefusedWithWhatExists() {
        assertThatThrownBy(() -> info(UnknownThrough.class)).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("needs 'nothing' to be a @BelongsTo, @HasOne or direct @HasMany of UnknownThrough");
        assertThatThrownBy(() -> info(UnknownSource.class)).hasMessageContaining("names source = \"director\", which the join model Casting"
                + " does not declare; its relations are [movie, star, stand_in]");
        assertThatThrownBy(() -> info(SourceOfAnotherModel.class)).hasMessageContaining("a relation of Casting to Star, not to Poster");
        assertThatThrownBy(() -> info(ThroughWithAForeignKey.class)).hasMessageContaining("names both foreignKey = [star_id] and through");
        assertThatThrownBy(() -> info(ThroughAThrough.class)).hasMessageContaining("needs 'stars' to be a @BelongsTo, @HasOne or direct @HasMany");
        assertThatThrownBy(() -> info(TwoNamedAlike.class)).hasMessageContaining("TwoNamedAlike declares two relations named 'poster':"
                + " @HasOne(poster) and @HasMany(poster)");
    }
}
