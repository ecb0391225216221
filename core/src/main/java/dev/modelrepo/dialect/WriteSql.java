package dev.modelrepo.dialect;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;

/**
 * The one place that writes the SQL text of INSERT, UPDATE and DELETE by key and of SELECT by keys, for single-row
 * writes and for every bulk strategy, with identifiers quoted by the dialect. A key is a list of columns; a
 * single-column key is the one-element case. Values are always placeholders; this class never sees a value.
 */
public final class WriteSql {

    /** How an UPDATE or DELETE by key matches the optimistic-locking version. */
    public enum VersionMatch {
        /** No version condition. */
        NONE,
        /** {@code AND version = ?}. */
        EQUALS,
        /** {@code AND version IS NULL}. */
        IS_NULL
    }

    private final Dialect dialect;

    public WriteSql(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The quoted table name, qualified by its schema when the table has one. */
    public String table(TableMetadata table) {
        String name = dialect.quote(table.storedName());
        return table.storedSchema() == null ? name : dialect.quote(table.storedSchema()) + "." + name;
    }

    /** The quoted column name. */
    public String column(ColumnMetadata column) {
        return dialect.quote(column.storedName());
    }

    /** {@code "a", "b", "c"}. */
    public String columns(List<ColumnMetadata> columns) {
        return joined(columns, ", ", this::column);
    }

    /** {@code ?, ?, ?}. */
    public static String placeholders(int n) {
        StringBuilder sb = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }

    /** {@code (?, ?, ?)}. */
    public static String tuple(int width) {
        return "(" + placeholders(width) + ")";
    }

    /** Appends {@code (?, ?), (?, ?)} for {@code rows} rows, each tuple prefixed (MySQL's {@code ROW}, else empty). */
    public static void appendTuples(StringBuilder sql, int width, int rows, String prefix) {
        String tuple = prefix + tuple(width);
        sql.ensureCapacity(sql.length() + rows * (tuple.length() + 2));
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ", ").append(tuple);
        }
    }

    /** {@code INSERT INTO t (a, b)}: the head the VALUES, SELECT or tuple list follows. */
    public String insertInto(String table, List<ColumnMetadata> columns) {
        return "INSERT INTO " + table + " (" + columns(columns) + ")";
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?)}. */
    public String insert(String table, List<ColumnMetadata> columns) {
        return insertInto(table, columns) + " VALUES " + tuple(columns.size());
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?)} for {@code rows} rows. */
    public String insertRows(String table, List<ColumnMetadata> columns, int rows) {
        StringBuilder sql = new StringBuilder(insertInto(table, columns)).append(" VALUES ");
        appendTuples(sql, columns.size(), rows, "");
        return sql.toString();
    }

    /** {@code a = ? AND b = ?}: the key (or any columns) matched by placeholders, prefixed by {@code qualifier} (e.g. {@code "t."}). */
    public String matching(List<ColumnMetadata> key, String qualifier) {
        return matchedBy(key, qualifier, c -> "?");
    }

    /** {@code t.a = v.a AND t.b = v.b}: two tables' columns matched, for joins with a derived table of rows. */
    public String joinedOn(List<ColumnMetadata> key, String left, String right) {
        return matchedBy(key, left, c -> right + column(c));
    }

    /** {@code t.a = <value of a> AND t.b = <value of b>}: columns matched by any expression, e.g. SQLite's {@code v.column1}. */
    public String matchedBy(List<ColumnMetadata> key, String qualifier, Function<ColumnMetadata, String> value) {
        return joined(key, " AND ", c -> qualifier + column(c) + " = " + value.apply(c));
    }

    /** {@code k}, or the row value {@code (a, b)} of a composite key: the left side of an IN over keys. */
    public String row(List<ColumnMetadata> key) {
        return key.size() == 1 ? column(key.get(0)) : "(" + columns(key) + ")";
    }

    /**
     * {@code k IN (?, …)} for {@code keys} values of a single-column key; for a composite key the row value
     * {@code (a, b) IN ((?, ?), …)}, or {@code (a, b) IN (VALUES (?, ?), …)} where the dialect has no row-value IN list
     * (SQLite). Placeholders: each key's columns in key order, key after key.
     */
    public String keyIn(List<ColumnMetadata> key, int keys) {
        if (key.size() == 1) {
            return column(key.get(0)) + " IN (" + placeholders(keys) + ")";
        }
        StringBuilder sb = new StringBuilder(row(key)).append(dialect.rowValueInList() ? " IN (" : " IN (VALUES ");
        appendTuples(sb, key.size(), keys, "");
        return sb.append(')').toString();
    }

    /** {@code c = <value of c>, …}: an assignment list, e.g. {@code c = ?}, {@code c = v.c}, {@code c = excluded.c}. */
    public String assignments(List<ColumnMetadata> columns, Function<ColumnMetadata, String> value) {
        return assignments("", columns, value);
    }

    /** {@code <target>c = <value of c>, …}, the assigned columns qualified (MySQL's multi-table {@code t.c = v.c}). */
    public String assignments(String target, List<ColumnMetadata> columns, Function<ColumnMetadata, String> value) {
        return joined(columns, ", ", c -> target + column(c) + " = " + value.apply(c));
    }

    /** {@code c = <value>}, or the empty string when there is no column (for {@link #list}). */
    public String assignment(@Nullable ColumnMetadata column, String target, String value) {
        return column == null ? "" : target + column(column) + " = " + value;
    }

    /** {@code version = <qualifier>version + 1}, or the empty string when there is no version (for {@link #list}). */
    public String increment(@Nullable ColumnMetadata version, String qualifier) {
        return increment(version, "", qualifier);
    }

    /** {@code <target>version = <qualifier>version + 1}, or the empty string when there is no version. */
    public String increment(@Nullable ColumnMetadata version, String target, String qualifier) {
        return version == null ? "" : target + column(version) + " = " + qualifier + column(version) + " + 1";
    }

    /** The non-empty parts joined with {@code ", "}: a SET list made of column assignments, a touched column and a version. */
    public static String list(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(part);
            }
        }
        return sb.toString();
    }

    /**
     * {@code UPDATE t SET c = ?, … [, version = version + 1] WHERE k = ? … [AND version = ? | IS NULL]}: the
     * single-row UPDATE by key. Placeholders: the {@code set} columns, then the key, then the version.
     */
    public String updateByKey(String table, List<ColumnMetadata> set, List<ColumnMetadata> key, @Nullable ColumnMetadata version,
            VersionMatch match) {
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ").append(list(assignments(set, c -> "?"),
                increment(version, ""))).append(" WHERE ").append(matching(key, ""));
        return appendVersionMatch(sql, version, match, "").toString();
    }

    /** {@code DELETE FROM t WHERE k = ? … [AND version = ?]}. Placeholders: the key, then the version. */
    public String deleteByKey(String table, List<ColumnMetadata> key, @Nullable ColumnMetadata version, VersionMatch match) {
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(table).append(" WHERE ").append(matching(key, ""));
        return appendVersionMatch(sql, version, match, "").toString();
    }

    /** {@code DELETE FROM t WHERE k IN (?, …)} for {@code keys} values of a single-column key. */
    public String deleteByKeys(String table, ColumnMetadata key, int keys) {
        return deleteByKeys(table, List.of(key), keys);
    }

    /** {@code DELETE FROM t WHERE <}{@link #keyIn}{@code >} for {@code keys} keys. */
    public String deleteByKeys(String table, List<ColumnMetadata> key, int keys) {
        return "DELETE FROM " + table + " WHERE " + keyIn(key, keys);
    }

    /** {@code SELECT a, b FROM t WHERE k = ? …}: one row read back by its key (or by any unique columns). */
    public String selectByKey(String table, List<ColumnMetadata> columns, List<ColumnMetadata> key) {
        return "SELECT " + columns(columns) + " FROM " + table + " WHERE " + matching(key, "");
    }

    /** {@code SELECT a, b FROM t WHERE k IN (?, …)} for {@code keys} values of a single-column key. */
    public String selectByKeys(String table, List<ColumnMetadata> columns, ColumnMetadata key, int keys) {
        return selectByKeys(table, columns, List.of(key), keys);
    }

    /** {@code SELECT a, b FROM t WHERE <}{@link #keyIn}{@code >} for {@code keys} keys. */
    public String selectByKeys(String table, List<ColumnMetadata> columns, List<ColumnMetadata> key, int keys) {
        return "SELECT " + columns(columns) + " FROM " + table + " WHERE " + keyIn(key, keys);
    }

    /**
     * {@code ON CONFLICT (k) DO UPDATE SET c = <proposed>c, version = <qualifier>version + 1}, or {@code DO NOTHING}
     * when nothing is to be updated: the upsert tail of PostgreSQL and SQLite.
     */
    public String onConflict(List<ColumnMetadata> conflict, List<ColumnMetadata> update, @Nullable ColumnMetadata version,
            String proposed, String versionQualifier) {
        String sets = list(assignments(update, c -> proposed + column(c)), increment(version, versionQualifier));
        return " ON CONFLICT (" + columns(conflict) + ") DO " + (sets.isEmpty() ? "NOTHING" : "UPDATE SET " + sets);
    }

    private StringBuilder appendVersionMatch(StringBuilder sql, @Nullable ColumnMetadata version, VersionMatch match, String qualifier) {
        if (version != null && match != VersionMatch.NONE) {
            sql.append(" AND ").append(qualifier).append(column(version)).append(match == VersionMatch.IS_NULL ? " IS NULL" : " = ?");
        }
        return sql;
    }

    private static String joined(List<ColumnMetadata> columns, String separator, Function<ColumnMetadata, String> part) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : separator).append(part.apply(columns.get(i)));
        }
        return sb.toString();
    }
}
