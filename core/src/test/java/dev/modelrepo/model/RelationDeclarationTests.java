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
 * {@code @BelongsTo(foreignKey = …)} and its other name {@code key}, {@code @HasMany(foreignKey = …)}, one column or
 * several, and the primary key in key order whatever the column order.
 */
class RelationDeclarationTests {

    @Table(name = "notes")
    @BelongsTo(model = Casting.class, as = "casting", foreignKey = {"Actor_Id", "film_id"})
    @BelongsTo(model = Casting.class, as = "same", key = {"actor_id", "film_id"}, foreignKey = {"actor_id", "film_id"})
    @BelongsTo(model = Casting.class, as = "old", key = "actor_id")
    static final class Note extends Model {
    }

    @Table(name = "castings")
    @HasMany(model = Note.class, as = "notes", foreignKey = {"actor_id", "film_id"})
    static final class Casting extends Model {
    }

    @Table(name = "notes")
    @BelongsTo(model = Casting.class, as = "both", key = "a", foreignKey = "b")
    static final class Conflicting extends Model {
    }

    @Table(name = "notes")
    @BelongsTo(model = Casting.class, as = "none")
    static final class Missing extends Model {
    }

    private static TableMetadata notes() {
        return new TableMetadata("notes", null, false, List.of(column("line", true), column("actor_id", true), column("film_id", true)),
                List.of("actor_id", "film_id", "line"));
    }

    private static ColumnMetadata column(String name, boolean key) {
        return new ColumnMetadata(name, Types.BIGINT, "BIGINT", 0, 0, !key, null, false, key, ColumnKind.BIGINT);
    }

    private static ModelInfo info(Class<? extends Model> type) {
        return RegistryAccess.get(ModelRegistry.class).info(ModelRegistry.offline(H2Dialect.INSTANCE).define(type, notes()), type);
    }

    @Test
    void foreignKeysNameOneColumnOrSeveralUnderEitherName() {
        assertThat(info(Note.class).relations().values()).containsExactly(
                new Relation("casting", Relation.Kind.BELONGS_TO, Note.class, Casting.class, List.of("actor_id", "film_id")),
                new Relation("same", Relation.Kind.BELONGS_TO, Note.class, Casting.class, List.of("actor_id", "film_id")),
                new Relation("old", Relation.Kind.BELONGS_TO, Note.class, Casting.class, "actor_id"));
        Relation notes = info(Casting.class).relation("notes");
        assertThat(notes.columns()).containsExactly("actor_id", "film_id");
        assertThat(notes.composite()).isTrue();
        assertThatThrownBy(notes::column).isInstanceOf(IllegalStateException.class).hasMessageContaining("columns()");
    }

    @Test
    void twoDifferentForeignKeysOrNoneAreRefused() {
        assertThatThrownBy(() -> info(Conflicting.class)).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("@BelongsTo(as = \"both\") on Conflicting names two foreign keys");
        assertThatThrownBy(() -> info(Missing.class)).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("@BelongsTo(as = \"none\") on Missing needs its foreign-key columns");
    }

    @Test
    void thePrimaryKeyIsInKeyOrder() {
        TableMetadata table = ModelRegistry.offline(H2Dialect.INSTANCE).define(Note.class, notes()).table(Note.class);
        assertThat(table.primaryKey()).extracting(ColumnMetadata::name).containsExactly("actor_id", "film_id", "line");
        assertThat(new TableMetadata("t", null, false, List.of(column("b", true), column("a", true))).primaryKey())
                .extracting(ColumnMetadata::name).containsExactly("b", "a");
    }
}
