package dev.modelrepo.autoconfigure.aot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;

import dev.modelrepo.model.BelongsTo;
import dev.modelrepo.model.Convert;
import dev.modelrepo.model.HasMany;
import dev.modelrepo.model.Model;

/**
 * The reflection modelrepo needs on a model class in a native image: its no-argument constructor (models are
 * instantiated per row), its annotations ({@code @Table}, relations, converters: registering the type keeps them
 * readable), its declared methods and those of its superclasses up to {@link Model} (the repository checks which
 * delete hooks a class overrides), the converter classes of its {@code @Convert}s (instantiated by their
 * constructor) and, the same way, the models its relations point to.
 */
public final class ModelRuntimeHints {

    private ModelRuntimeHints() {
    }

    /** Registers the hints of these model classes and of every model their relations reach. */
    public static void register(RuntimeHints hints, Iterable<? extends Class<?>> modelTypes) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        modelTypes.forEach(pending::add);
        Set<Class<?>> done = new HashSet<>();
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (!done.add(type) || !Model.class.isAssignableFrom(type)) {
                continue;
            }
            hints.reflection().registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                    MemberCategory.INTROSPECT_DECLARED_METHODS);
            for (Class<?> c = type.getSuperclass(); c != null && c != Model.class && c != Object.class; c = c.getSuperclass()) {
                hints.reflection().registerType(c, MemberCategory.INTROSPECT_DECLARED_METHODS);
            }
            for (Convert convert : type.getAnnotationsByType(Convert.class)) {
                hints.reflection().registerType(convert.converter(), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
            }
            for (BelongsTo relation : type.getAnnotationsByType(BelongsTo.class)) {
                pending.add(relation.model());
            }
            for (HasMany relation : type.getAnnotationsByType(HasMany.class)) {
                pending.add(relation.model());
            }
        }
    }
}
