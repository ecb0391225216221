package dev.modelrepo.dialect;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import dev.modelrepo.types.ColumnKind;

/**
 * PostgreSQL's text input form of converted values (what {@code COPY … (FORMAT text)} and array literals carry),
 * before any escaping: ISO dates and times, {@code t}/{@code f}, {@code \x…} hex bytea, array literals.
 */
final class PostgresText {

    private static final HexFormat HEX = HexFormat.of();

    private PostgresText() {
    }

    /** The text form of a non-null value converted for a column of this kind. */
    static String format(ColumnKind kind, Object value) {
        return switch (kind) {
            case BOOLEAN -> ((Boolean) value) ? "t" : "f";
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case TIMESTAMP -> timestamp((LocalDateTime) value);
            case TIMESTAMP_TZ -> timestamp(((OffsetDateTime) value).toLocalDateTime()) + offset((OffsetDateTime) value);
            case BYTES -> "\\x" + HEX.formatHex((byte[]) value);
            case ARRAY -> arrayLiteral((Object[]) value);
            default -> value instanceof Object[] array ? arrayLiteral(array) : value.toString();
        };
    }

    private static String timestamp(LocalDateTime t) {
        return t.toLocalDate() + " " + t.toLocalTime();
    }

    private static String offset(OffsetDateTime t) {
        String id = t.getOffset().getId();
        return id.equals("Z") ? "+00" : id;
    }

    /** An array literal of elements of any kind: {@code {"a","b c",NULL}}. */
    static String arrayLiteral(Object[] values) {
        StringBuilder sb = new StringBuilder();
        appendArray(sb, values, ColumnKind.OTHER);
        return sb.toString();
    }

    /**
     * Appends an array literal whose elements are of one kind ({@code OTHER}: each element's own), every element
     * double-quoted with {@code "} and {@code \} escaped, NULL as the bare word.
     */
    static void appendArray(StringBuilder sb, Object[] values, ColumnKind kind) {
        sb.append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = values[i];
            if (v == null) {
                sb.append("NULL");
                continue;
            }
            ColumnKind k = kind == ColumnKind.OTHER ? ColumnKind.ofValue(v) : kind;
            if (k == ColumnKind.INTEGER || k == ColumnKind.BIGINT || k == ColumnKind.DOUBLE) {
                sb.append(v);
                continue;
            }
            String text = v instanceof String s ? s : format(k, v);
            sb.append('"');
            for (int j = 0; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
            }
            sb.append('"');
        }
        sb.append('}');
    }
}
