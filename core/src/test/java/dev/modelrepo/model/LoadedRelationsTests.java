package dev.modelrepo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.modelrepo.model.internal.ModelAccess;

/**
 * How a model keeps its loaded relations: the first one in the model's own fields, more of them as name/value
 * pairs, each readable, replaceable and serialized in load order, and a relation never loaded still refused.
 */
class LoadedRelationsTests {

    private static final ModelAccess<Model> ACCESS = ModelAccess.get(Model.class);

    @Table(name = "widgets")
    @BelongsTo(model = Gadget.class, as = "gadget", key = "gadget_id")
    @BelongsTo(model = Gadget.class, as = "backup", key = "backup_id")
    @HasMany(model = Gadget.class, as = "spares", foreignKey = "widget_id")
    static final class Widget extends Model {
    }

    @Table(name = "gadgets")
    static final class Gadget extends Model {
    }

    @Test
    void oneLoadedRelationIsReadAndTheOthersAreNotLoaded() {
        Widget w = new Widget();
        Gadget g = new Gadget();
        assertThat(w.isLoaded("gadget")).isFalse();
        ACCESS.setRelated(w, "gadget", g);
        assertThat(w.<Gadget>related("gadget")).isSameAs(g);
        assertThat(w.isLoaded("gadget")).isTrue();
        assertThat(w.isLoaded("backup")).isFalse();
        assertThatThrownBy(() -> w.related("backup")).isInstanceOf(RelationNotLoadedException.class)
                .hasMessageContaining("Widget.related(\"backup\") reads the relation 'backup'");
        assertThatThrownBy(() -> w.relatedList("spares")).isInstanceOf(RelationNotLoadedException.class)
                .hasMessageContaining("Widget.relatedList(\"spares\")");
    }

    @Test
    void aRelationLoadedEmptyIsLoadedAndNull() {
        Widget w = new Widget();
        ACCESS.setRelated(w, "gadget", null);
        assertThat(w.isLoaded("gadget")).isTrue();
        assertThat(w.<Gadget>related("gadget")).isNull();
        assertThat(w.<Object>get("gadget.name")).isNull();
    }

    @Test
    void moreRelationsKeepEveryValueAndTheirLoadOrder() {
        Widget w = new Widget();
        Gadget first = new Gadget();
        Gadget second = new Gadget();
        List<Model> spares = new ArrayList<>(List.of(new Gadget()));
        ACCESS.setRelated(w, "gadget", first);
        ACCESS.setRelated(w, "backup", second);
        ACCESS.setRelated(w, "spares", spares);
        assertThat(w.<Gadget>related("gadget")).isSameAs(first);
        assertThat(w.<Gadget>related("backup")).isSameAs(second);
        assertThat(w.<Gadget>relatedList("spares")).isSameAs(spares);
        assertThat(w.toJsonMap().keySet()).containsExactly("gadget", "backup", "spares");
    }

    @Test
    void settingALoadedRelationAgainReplacesItsValueOnly() {
        Widget w = new Widget();
        Gadget replaced = new Gadget();
        ACCESS.setRelated(w, "gadget", new Gadget());
        ACCESS.setRelated(w, "gadget", replaced);
        assertThat(w.<Gadget>related("gadget")).isSameAs(replaced);
        assertThat(w.toJsonMap().keySet()).containsExactly("gadget");
        ACCESS.setRelated(w, "backup", null);
        Gadget again = new Gadget();
        ACCESS.setRelated(w, "gadget", again);
        ACCESS.setRelated(w, "backup", replaced);
        assertThat(w.<Gadget>related("gadget")).isSameAs(again);
        assertThat(w.<Gadget>related("backup")).isSameAs(replaced);
        assertThat(w.toJsonMap()).containsOnlyKeys("gadget", "backup");
    }

    @Test
    void aRelationOfTheWrongArityIsRefusedWithTheReadToUse() {
        Widget w = new Widget();
        ACCESS.setRelated(w, "gadget", new Gadget());
        ACCESS.setRelated(w, "spares", List.of());
        assertThatThrownBy(() -> w.relatedList("gadget")).hasMessageContaining("read it with related(\"gadget\")");
        assertThatThrownBy(() -> w.related("spares")).hasMessageContaining("read it with relatedList(\"spares\")");
        assertThat(w.toJsonMap()).isEqualTo(Map.of("gadget", Map.of(), "spares", List.of()));
    }
}
