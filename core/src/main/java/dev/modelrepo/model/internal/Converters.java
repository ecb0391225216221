package dev.modelrepo.model.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.ColumnConverter;
import dev.modelrepo.model.Convert;
import dev.modelrepo.types.ColumnReader;

/** The {@link Convert} declarations of one model class, instantiated once per class. */
public final class Converters {

    private static final ClassValue<Converters> BY_CLASS = new ClassValue<>() {
        @Override
        protected Converters computeValue(Class<?> type) {
            return new Converters(type);
        }
    };

    private final Map<String, ColumnConverter<Object, Object>> byColumn = new HashMap<>();

    @SuppressWarnings("unchecked")
    private Converters(Class<?> type) {
        for (Convert convert : type.getAnnotationsByType(Convert.class)) {
            try {
                var constructor = convert.converter().getDeclaredConstructor();
                constructor.setAccessible(true);
                byColumn.put(convert.column().toLowerCase(Locale.ROOT), (ColumnConverter<Object, Object>) constructor.newInstance());
            }
            catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("Cannot create converter " + convert.converter().getName() + " of " + type.getName()
                        + ": it needs a no-argument constructor", ex);
            }
        }
    }

    /** The converters of a model class (derived from its annotations, so safe to share). */
    public static Converters of(Class<?> type) {
        return BY_CLASS.get(type);
    }

    public @Nullable ColumnConverter<Object, Object> get(String column) {
        return byColumn.isEmpty() ? null : byColumn.get(column.toLowerCase(Locale.ROOT));
    }

    public boolean isEmpty() {
        return byColumn.isEmpty();
    }

    /** The reader that inflates a converted column; the plain reader otherwise. */
    public ColumnReader reader(String column, ColumnReader plain) {
        ColumnConverter<Object, Object> converter = get(column);
        if (converter == null) {
            return plain;
        }
        return (rs, i) -> {
            Object stored = plain.read(rs, i);
            return stored == null ? null : converter.inflate(stored);
        };
    }

    /** The stored form of a model value for a converted column (the value itself otherwise). */
    public @Nullable Object deflate(String column, @Nullable Object value) {
        ColumnConverter<Object, Object> converter = get(column);
        return converter == null || value == null || !converter.isDomainValue(value) ? value : converter.deflate(value);
    }
}
