package dev.modelrepo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Types;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.modelrepo.dialect.H2Dialect;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.RegistryAccess;
import dev.modelrepo.model.internal.Relation;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;
import dev.modelrepo.types.ColumnKind;

/**
 * The internal accessors the layers above reach models and registries through: installed once by the public class,
 * handed out only for it, and the declarations a registry reads into plain infos.
 */
class ModelLayerAccessTests {

    @Table(name = "widgets", schema = "shop", version = "lock_version")
    @BelongsTo(model = Gadget.class, as = "gadget", key = "gadget_id")
    @HasMany(model = Gadget.class, as = "spares", foreignKey = "widget_id")
    static final class Widget extends Model {
    }

    @Table(name = "gadgets")
    static final class Gadget extends Model {
    }

    private static TableMetadata described() {
        return new TableMetadata("widgets", null, false, List.of(
                new ColumnMetadata("id", Types.BIGINT, "BIGINT", 0, 0, false, null, true, true, ColumnKind.BIGINT),
                new ColumnMetadata("gadget_id", Types.BIGINT, "BIGINT", 0, 0, true, null, false, false, ColumnKind.BIGINT)));
    }

    @Test
    void theAccessorsAreTheOnesTheirClassesInstalled() {
        assertThat(ModelAccess.get(Model.class)).isSameAs(ModelAccess.get(Model.class));
        assertThat(RegistryAccess.get(ModelRegistry.class)).isSameAs(RegistryAccess.get(ModelRegistry.class));
    }

    @Test
    void aSecondInstallAndAnAccessorForAnotherClassAreRefused() {
        assertThatThrownBy(() -> RegistryAccess.install(new RegistryAccess<>(ModelRegistry.class) {
            @Override
            public ModelInfo info(ModelRegistry registry, Class<?> type) {
                throw new AssertionError();
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("already installed");
        assertThatThrownBy(() -> ModelAccess.get(String.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.lang.String installs no ModelAccess");
    }

    @Test
    void aRegistryReadsTheDeclarationsIntoPlainData() {
        var registry = ModelRegistry.offline(H2Dialect.INSTANCE).define(Widget.class, described());
        ModelInfo info = RegistryAccess.get(ModelRegistry.class).info(registry, Widget.class);
        assertThat(info.type()).isSameAs(Widget.class);
        assertThat(ModelAccess.get(Model.class).type(info)).isSameAs(Widget.class);
        assertThat(info.schema()).isEqualTo("shop");
        assertThat(info.table().version()).isEqualTo("lock_version");
        assertThat(info.table().createdAt()).isEqualTo("created_at");
        assertThat(info.relations().values()).containsExactly(
                new Relation("gadget", Relation.Kind.BELONGS_TO, Widget.class, Gadget.class, "gadget_id"),
                new Relation("spares", Relation.Kind.HAS_MANY, Widget.class, Gadget.class, "widget_id"));
        assertThat(info.converters().isEmpty()).isTrue();
    }

    @Test
    void aDefinedTableGetsReadersAndBindersWhileTheDescribedOneIsLeftAsItIs() {
        TableMetadata table = described();
        var registry = ModelRegistry.offline(H2Dialect.INSTANCE).define(Widget.class, table);
        assertThat(registry.table(Widget.class).column("id").reader()).isNotNull();
        assertThat(registry.table(Widget.class).column("id").binder()).isNotNull();
        assertThat(registry.table(Widget.class).columnNames()).isEqualTo(table.columnNames());
        assertThatThrownBy(() -> table.column("id").reader()).hasMessageContaining("not initialised");
    }

    @Test
    void aClassThatIsNoModelIsRefusedByTheRegistry() {
        var registry = ModelRegistry.offline(H2Dialect.INSTANCE);
        assertThatThrownBy(() -> registry.table(Model.class)).isInstanceOf(UnknownModelException.class);
        assertThatThrownBy(() -> RegistryAccess.get(ModelRegistry.class).info(registry, String.class))
                .isInstanceOf(UnknownModelException.class).hasMessageContaining("java.lang.String");
    }
}
