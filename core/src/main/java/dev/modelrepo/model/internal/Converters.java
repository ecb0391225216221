package dev.modelrepo.model.internal;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.types.ColumnReader;

/** The column conversions one model class declares, by lower-case column name (built once per class). */
public final class Converters {

    /** A class that declares no conversion. */
    public static final Converters NONE = new Converters(Map.of());

    private final Map<String, ColumnConversion> byColumn;

    /** @param byColumn the conversions by lower-case column name */
    public Converters(Map<String, ColumnConversion> byColumn) {
        this.byColumn = Map.copyOf(byColumn);
    }

    public @Nullable ColumnConversion get(String column) {
        return byColumn.isEmpty() ? null : byColumn.get(column.toLowerCase(Locale.ROOT));
    }

    public boolean isEmpty() {
        return byColumn.isEmpty();
    }

    /** The reader that inflates a converted column; the plain reader otherwise. */
    public ColumnReader reader(String column, ColumnReader plain) {
        ColumnConversion converter = get(column);
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
        ColumnConversion converter = get(column);
        return converter == null || value == null || !converter.isDomainValue(value) ? value : converter.deflate(value);
    }
}
