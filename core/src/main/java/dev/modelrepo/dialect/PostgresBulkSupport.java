package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;

/**
 * PostgreSQL: {@code COPY … FROM STDIN (FORMAT text)} streamed through pgjdbc's {@code CopyManager} for inserts
 * (typed {@code unnest} arrays when the connection is not pgjdbc's), and one typed array per column for everything
 * else, so a statement has as many binds as columns whatever its row count: {@code UPDATE … FROM unnest(?::int8[],
 * ?::text[]) AS v(id, name)}, {@code DELETE … WHERE id = ANY(?)}, {@code INSERT … SELECT … FROM unnest(…) ON
 * CONFLICT … DO UPDATE}. insertAll takes keys from the key's sequence first and matches RETURNING rows by key.
 * Arrays travel as text literals cast to the column's type, so timestamps, uuid, jsonb and enums keep their types.
 */
public class PostgresBulkSupport extends StandardBulkSupport {

    /** pgjdbc's 16-bit parameter count. */
    public static final int MAX_BIND_PARAMETERS = 65_535;

    private static final boolean PGJDBC = ClassUtils.isPresent("org.postgresql.PGConnection",
            PostgresBulkSupport.class.getClassLoader());

    private static final Pattern COPY_LINE = Pattern.compile("COPY [^,\\n]+, line (\\d+)");

    private static final Pattern DUPLICATE = Pattern.compile("Key \\((.+?)\\)=\\((.*?)\\) already exists", Pattern.DOTALL);

    private static final Pattern MISSING = Pattern.compile("Key \\((.+?)\\)=\\((.*?)\\) is not present in table", Pattern.DOTALL);

    private static final Pattern NOT_NULL = Pattern.compile("null value in column \"(.+?)\"");

    public PostgresBulkSupport(Dialect dialect) {
        super(dialect);
    }

    @Override
    public int maxBindParameters() {
        return MAX_BIND_PARAMETERS;
    }

    /**
     * 100,000 keys per {@code = ANY(?)}: deleting 100,000 rows took 69 ms in one statement against 83 ms in ten of
     * 10,000 (the arrays travel in binary, 8 bytes a bigint key); updates showed no such gain, so they keep 10,000.
     */
    @Override
    public int arrayDeleteRows() {
        return 100_000;
    }

    @Override
    public InsertMethod insertMethod() {
        return InsertMethod.COPY;
    }

    @Override
    public KeyMethod keyMethod() {
        return KeyMethod.PREALLOCATE;
    }

    @Override
    public boolean failureAbortsTransaction() {
        return true;
    }

    @Override
    public long copyIn(Connection connection, String table, List<ColumnMetadata> columns, RowCursor rows) throws SQLException {
        if (!PGJDBC) {
            return -1;
        }
        String sql = "COPY " + table + " (" + columnList(columns) + ") FROM STDIN (FORMAT text)";
        return PostgresCopyIn.copy(connection, sql, new PostgresCopyEncoder(columns, rows));
    }

    @Override
    public Statement insert(String table, List<ColumnMetadata> columns, int rows) {
        return new Statement(write.insertInto(table, columns) + " " + selectUnnest(columns), List.of(Slot.ARRAYS), false);
    }

    /** Keys are given explicitly, so identity columns GENERATED ALWAYS need OVERRIDING SYSTEM VALUE. */
    @Override
    public Statement insertReturning(String table, List<ColumnMetadata> columns, List<ColumnMetadata> returning, int rows) {
        return new Statement(write.insertInto(table, columns) + " OVERRIDING SYSTEM VALUE " + selectUnnest(columns)
                + " RETURNING " + columnList(returning), List.of(Slot.ARRAYS), false);
    }

    @Override
    public String allocateKeys() {
        return "SELECT nextval(pg_get_serial_sequence(?, ?)) FROM generate_series(1, ?)";
    }

    @Override
    public Statement update(String table, List<ColumnMetadata> key, List<ColumnMetadata> set, @Nullable ColumnMetadata version,
            @Nullable ColumnMetadata touched, int rows) {
        List<ColumnMetadata> row = updateRow(key, set, version);
        return updateFrom(table, set, c -> "v." + q(c) + cast(c), touched, version, unnest(row),
                write.joinedOn(keyAndVersion(key, version), "t.", "v."), Slot.ARRAYS);
    }

    /** {@code k = ANY(?::int8[])}; a composite key {@code (a, b) IN (SELECT * FROM unnest(?::int8[], ?::int8[]))}. */
    @Override
    public Statement delete(String table, List<ColumnMetadata> key, int rows) {
        String match = key.size() == 1 ? q(key.get(0)) + " = ANY(?::" + arrayType(key.get(0)) + "[])"
                : write.row(key) + " IN (SELECT * FROM unnest(" + arrays(key) + "))";
        return new Statement("DELETE FROM " + table + " WHERE " + match, List.of(Slot.ARRAYS), false);
    }

    @Override
    public Statement upsert(String table, List<ColumnMetadata> columns, List<ColumnMetadata> conflict, List<ColumnMetadata> update,
            @Nullable ColumnMetadata version, int rows) {
        String sql = write.insertInto(table + " AS t", columns) + " " + selectUnnest(columns)
                + write.onConflict(conflict, update, version, "EXCLUDED.", "t.");
        return new Statement(sql, List.of(Slot.ARRAYS), false);
    }

    /**
     * One array literal per column, sent untyped so that the server takes the parameter as the array type the SQL
     * casts it to. (Bound as varchar, the cast would stay an expression: {@code id = ANY($1::int8[])} would then parse
     * the whole array once per row scanned.)
     */
    @Override
    public void bindArray(PreparedStatement ps, int index, ColumnMetadata column, @Nullable Object[] values) throws SQLException {
        Object[] typed = typedArray(column, values);
        if (typed != null) {
            // pgjdbc sends numbers in binary and types the parameter itself
            ps.setArray(index, ps.getConnection().createArrayOf(arrayType(column), typed));
            return;
        }
        StringBuilder sb = new StringBuilder(values.length * 8 + 2);
        PostgresText.appendArray(sb, values, column.kind() == ColumnKind.OTHER ? ColumnKind.STRING : column.kind());
        ps.setObject(index, sb.toString(), java.sql.Types.OTHER);
    }

    /** The values as an array of their Java type for the kinds pgjdbc encodes itself, else null. */
    private static Object @Nullable [] typedArray(ColumnMetadata column, @Nullable Object[] values) {
        Class<?> type = switch (column.kind()) {
            case INTEGER -> Integer.class;
            case BIGINT -> Long.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case STRING -> PostgresTypes.isCustomText(column) ? null : String.class;
            default -> null;
        };
        if (type == null) {
            return null;
        }
        Object[] typed = (Object[]) java.lang.reflect.Array.newInstance(type, values.length);
        System.arraycopy(values, 0, typed, 0, values.length);
        return typed;
    }

    /** {@code SELECT v.a, v.b FROM unnest(?::int4[], ?::text[]) AS v(a, b)}. */
    private String selectUnnest(List<ColumnMetadata> columns) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("v.").append(q(columns.get(i))).append(cast(columns.get(i)));
        }
        return sql.append(" FROM ").append(unnest(columns)).toString();
    }

    private String unnest(List<ColumnMetadata> columns) {
        return "unnest(" + arrays(columns) + ") AS v(" + columnList(columns) + ")";
    }

    /** {@code ?::int4[], ?::text[]}: one typed array placeholder per column. */
    private String arrays(List<ColumnMetadata> columns) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("?::").append(arrayType(columns.get(i))).append("[]");
        }
        return sql.toString();
    }

    /**
     * The element type of a column's array: its own type (an enum or a domain over text too, which pgjdbc reports
     * as strings), or text for array and composite columns (unnest would flatten or expand them; they are cast after).
     */
    private String arrayType(ColumnMetadata column) {
        if (castAfter(column)) {
            return "text";
        }
        if (PostgresTypes.isCustomText(column)) {
            return PostgresTypes.castName(column);
        }
        return dialect.arrayElementType(column.kind(), column);
    }

    private String cast(ColumnMetadata column) {
        return castAfter(column) ? "::" + PostgresTypes.castName(column) : "";
    }

    /** Columns unnest must not see typed: arrays (it would flatten them) and composites (it would expand them into columns). */
    private static boolean castAfter(ColumnMetadata column) {
        return column.kind() == ColumnKind.ARRAY || column.declaredType().category() == dev.modelrepo.schema.TypeCategory.COMPOSITE;
    }

    /** COPY errors name their line; constraint errors name the key or the null column, matched against the rows. */
    @Override
    public int failedRow(SQLException ex, List<ColumnMetadata> columns, @Nullable Rows rows) {
        String message = String.valueOf(ex.getMessage());
        Matcher line = COPY_LINE.matcher(message);
        if (rows == null) {
            return line.find() ? Integer.parseInt(line.group(1)) - 1 : -1;
        }
        Matcher m = DUPLICATE.matcher(message);
        if (m.find()) {
            return find(columns, rows, m.group(1), m.group(2), true);
        }
        m = MISSING.matcher(message);
        if (m.find()) {
            return find(columns, rows, m.group(1), m.group(2), false);
        }
        m = NOT_NULL.matcher(message);
        if (m.find()) {
            int column = indexOf(columns, m.group(1));
            for (int r = 0; column >= 0 && r < rows.size(); r++) {
                if (rows.value(r, column) == null) {
                    return r;
                }
            }
        }
        return -1;
    }

    /** The first (or last: for a duplicate, the later row conflicts) row whose key columns print as {@code values}. */
    private static int find(List<ColumnMetadata> columns, Rows rows, String names, String values, boolean last) {
        String[] keys = names.split(", ");
        int[] index = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            index[i] = indexOf(columns, keys[i].replace("\"", ""));
            if (index[i] < 0) {
                return -1;
            }
        }
        int found = -1;
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder printed = new StringBuilder();
            for (int i = 0; i < index.length; i++) {
                Object v = rows.value(r, index[i]);
                printed.append(i == 0 ? "" : ", ").append(v == null ? "" : PostgresText.format(columns.get(index[i]).kind(), v));
            }
            if (printed.toString().equals(values)) {
                found = r;
                if (!last) {
                    return r;
                }
            }
        }
        return found;
    }

    private static int indexOf(List<ColumnMetadata> columns, String storedName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).storedName().equals(storedName)) {
                return i;
            }
        }
        return -1;
    }
}
