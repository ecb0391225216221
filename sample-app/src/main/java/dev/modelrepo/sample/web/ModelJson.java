package dev.modelrepo.sample.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.Model;

/** JSON bodies of models: their column maps, with joined belongs-to relations nested under their names. */
final class ModelJson {

    private ModelJson() {
    }

    /** The model's own columns and, for each named relation that was joined, that model's columns nested. */
    static Map<String, @Nullable Object> of(Model model, String... relations) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>(model.toMap());
        for (String relation : relations) {
            // toMap() also holds the joined columns as "relation.column": shown nested instead
            json.keySet().removeIf((key) -> key.startsWith(relation + "."));
            Model related = model.related(relation);
            json.put(relation, (related != null) ? related.toMap() : null);
        }
        return json;
    }
}
