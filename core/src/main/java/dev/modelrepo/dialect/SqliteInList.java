package dev.modelrepo.dialect;

import java.util.HexFormat;
import java.util.function.Function;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueBinder;

/**
 * SQLite's IN lists: padded up to {@link #MAX_PADDED} placeholders, beyond that one JSON array bound as text,
 * {@code x IN (SELECT value FROM json_each(?))}, which has no size limit (a statement takes at most 250,000 binds in
 * sqlite-jdbc's build, 32,766 in SQLite's default one). Each value is encoded as SQLite would store it bound
 * alone (dates and decimals as their text, booleans as 1/0, blobs as hex turned back by {@code unhex}), and
 * {@code json_each} values carry no affinity, like bound values, so both forms compare alike.
 */
final class SqliteInList extends PaddedInList {

    /** Half of SQLite's default bind limit, so two padded lists still fit one statement on any build. */
    static final int MAX_PADDED = 16_384;

    static final SqliteInList INSTANCE = new SqliteInList();

    private SqliteInList() {
        super(MAX_PADDED);
    }

    @Override
    public String sql(String left, boolean negated, ColumnKind kind, int variant) {
        if (variant != BEYOND) {
            return super.sql(left, negated, kind, variant);
        }
        return left + (negated ? " NOT IN (SELECT " : " IN (SELECT ") + (kind == ColumnKind.BYTES ? "unhex(value)" : "value")
                + " FROM json_each(?))";
    }

    @Override
    public Object[] values(Object[] items, ColumnKind kind, int variant) {
        if (variant != BEYOND) {
            return super.values(items, kind, variant);
        }
        StringBuilder json = new StringBuilder(items.length * 8).append('[');
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            append(json, items[i], kind);
        }
        return new Object[] { json.append(']').toString() };
    }

    @Override
    public ValueBinder binder(ValueBinder slotBinder, int variant) {
        return variant != BEYOND ? slotBinder : (ps, i, v) -> ps.setString(i, (String) v);
    }

    private static void append(StringBuilder json, Object value, ColumnKind kind) {
        if (value == null) {
            json.append("null");
            return;
        }
        Function<Object, String> text = SqliteDialect.textForm(kind == ColumnKind.OTHER ? ColumnKind.ofValue(value) : kind);
        if (text != null) {
            string(json, text.apply(value));
        }
        else if (value instanceof Boolean b) {
            json.append(b ? '1' : '0');
        }
        else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.append(value);
        }
        else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // SQLite stores a bound NaN as NULL and reads 9e999 as infinity
            json.append(Double.isNaN(d) ? "null" : Double.isInfinite(d) ? (d > 0 ? "9e999" : "-9e999") : Double.toString(d));
        }
        else if (value instanceof byte[] bytes) {
            if (kind != ColumnKind.BYTES) {
                throw new InvalidDataAccessApiUsageException("An IN list of more than " + MAX_PADDED
                        + " values holds a byte[] but is compared with an untyped expression; compare it with a BLOB column");
            }
            string(json, HexFormat.of().formatHex(bytes));
        }
        else {
            string(json, value.toString());
        }
    }

    private static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            }
            else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            }
            else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
