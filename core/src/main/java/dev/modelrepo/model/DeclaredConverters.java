package dev.modelrepo.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.internal.ColumnConversion;
import dev.modelrepo.model.internal.Converters;

/** The {@link Convert} declarations of model classes, each converter instantiated once per class. */
final class DeclaredConverters {

    private static final ClassValue<Converters> BY_CLASS = new ClassValue<>() {
        @Override
        protected Converters computeValue(Class<?> type) {
            return read(type);
        }
    };

    private DeclaredConverters() {
    }

    /** The converters of a model class (derived from its annotations, so safe to share). */
    static Converters of(Class<?> type) {
        return BY_CLASS.get(type);
    }

    /** Whether the model class declares a converter for this column (lower case). */
    static boolean declares(Class<?> type, String column) {
        Converters converters = BY_CLASS.get(type);
        return !converters.isEmpty() && converters.get(column) != null;
    }

    @SuppressWarnings("unchecked")
    private static Converters read(Class<?> type) {
        Convert[] declared = type.getAnnotationsByType(Convert.class);
        if (declared.length == 0) {
            return Converters.NONE;
        }
        Map<String, ColumnConversion> byColumn = new HashMap<>();
        for (Convert convert : declared) {
            try {
                var constructor = convert.converter().getDeclaredConstructor();
                constructor.setAccessible(true);
                byColumn.put(convert.column().toLowerCase(Locale.ROOT), new Adapted((ColumnConverter<Object, Object>) constructor.newInstance()));
            }
            catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("Cannot create converter " + convert.converter().getName() + " of " + type.getName()
                        + ": it needs a no-argument constructor", ex);
            }
        }
        return new Converters(byColumn);
    }

    /** A user's converter seen as the internal conversion. */
    private record Adapted(ColumnConverter<Object, Object> converter) implements ColumnConversion {

        @Override
        public Object inflate(Object stored) {
            return converter.inflate(stored);
        }

        @Override
        public Object deflate(Object value) {
            return converter.deflate(value);
        }

        @Override
        public boolean isDomainValue(@Nullable Object value) {
            return converter.isDomainValue(value);
        }
    }
}
