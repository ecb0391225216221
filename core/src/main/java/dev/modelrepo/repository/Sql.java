package dev.modelrepo.repository;

import dev.modelrepo.internal.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dynamic fragments for native SQL, in the spirit of cl-batis {@code sql-where}/{@code sql-set}/{@code sql-cond}:
 * conditional parts joined with correct {@code AND}/{@code OR}/commas, and a WHERE that disappears when no
 * condition is active. As in cl-batis, a fragment may start with the connective that joins it ({@code " AND name = :name"}
 * in {@code where}/{@code and}, {@code " OR …"} in {@code or}) and a SET assignment may end with its comma: those are
 * dropped. Fragments are literal SQL written by the programmer with {@code :named} parameters, never user input.
 *
 * <pre>{@code
 * repo.sql("SELECT * FROM users" + where(when(name != null, "name = :name"), when(minAge != null, "age >= :minAge")))
 *     .list(params);
 * }</pre>
 */
public final class Sql {

    private Sql() {
    }

    /** A piece of SQL that is used only when {@code active}. */
    public record Fragment(boolean active, String sql) {
        public Fragment {
            Arguments.notNull(sql, "sql");
        }

        @Override
        public String toString() {
            return active ? sql : "";
        }
    }

    /** A fragment used when the condition holds: {@code when(name != null, "name = :name")}. */
    public static Fragment when(boolean condition, String sql) {
        return new Fragment(condition, sql);
    }

    /** A fragment that is always used. */
    public static Fragment always(String sql) {
        return new Fragment(true, sql);
    }

    /** {@code " WHERE a AND b"} of the active fragments, or an empty string when none is active. */
    public static String where(Fragment... conditions) {
        String joined = and(conditions).sql();
        return joined.isEmpty() ? "" : " WHERE " + joined;
    }

    /** The active conditions joined with AND (parenthesised when several), as a fragment for nesting; a leading AND is dropped. */
    public static Fragment and(Fragment... conditions) {
        return junction("AND", conditions);
    }

    /** The active conditions joined with OR (parenthesised when several), as a fragment for nesting; a leading OR is dropped. */
    public static Fragment or(Fragment... conditions) {
        return junction("OR", conditions);
    }

    /** A leading AND or OR: the word, then blanks or an opening parenthesis. */
    private static final Pattern CONNECTIVE = Pattern.compile("(?i)^(AND|OR)(\\s+|(?=\\())");

    private static Fragment junction(String operator, Fragment... conditions) {
        List<String> active = active(conditions, sql -> withoutConnective(sql, operator));
        if (active.size() <= 1) {
            return new Fragment(!active.isEmpty(), active.isEmpty() ? "" : active.get(0));
        }
        return new Fragment(true, "(" + String.join(" " + operator + " ", active) + ")");
    }

    /**
     * The condition without the connective it starts with, which must be the junction's: an OR where AND joins (or the
     * reverse) would silently change what the statement selects.
     */
    private static String withoutConnective(String sql, String operator) {
        Matcher m = CONNECTIVE.matcher(sql);
        if (!m.find()) {
            return sql;
        }
        if (!m.group(1).toUpperCase(Locale.ROOT).equals(operator)) {
            String other = operator.equals("AND") ? "or" : "and";
            throw new IllegalArgumentException("The fragment '" + sql + "' starts with " + m.group(1).toUpperCase(Locale.ROOT)
                    + " but is joined with " + operator + ": put it in " + other + "(...) to combine it with " + other.toUpperCase(Locale.ROOT));
        }
        return sql.substring(m.end()).strip();
    }

    /**
     * {@code " SET a = :a, b = :b"} of the active assignments; a comma an assignment starts or ends with is dropped.
     * @throws IllegalArgumentException when no assignment is active: an UPDATE that sets nothing is a bug
     */
    public static String set(Fragment... assignments) {
        List<String> active = active(assignments, Sql::withoutCommas);
        if (active.isEmpty()) {
            throw new IllegalArgumentException("No SET fragment is active: the UPDATE would change nothing");
        }
        return " SET " + String.join(", ", active);
    }

    private static String withoutCommas(String sql) {
        String s = sql;
        if (s.endsWith(",")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.startsWith(",")) {
            s = s.substring(1).strip();
        }
        return s;
    }

    /** The active fragments' SQL, stripped and tidied; a fragment that is empty then counts as inactive. */
    private static List<String> active(Fragment[] fragments, UnaryOperator<String> tidy) {
        List<String> active = new ArrayList<>();
        for (Fragment f : fragments) {
            if (f.active() && !f.sql().isBlank()) {
                String sql = tidy.apply(f.sql().strip());
                if (!sql.isEmpty()) {
                    active.add(sql);
                }
            }
        }
        return active;
    }
}
