package dev.modelrepo.repository;

import dev.modelrepo.internal.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Dynamic fragments for native SQL, in the spirit of cl-batis {@code sql-where}/{@code sql-set}/{@code sql-cond}:
 * conditional parts joined with correct {@code AND}/{@code OR}/commas, and a WHERE that disappears when no
 * condition is active. Fragments are literal SQL written by the programmer with {@code :named} parameters,
 * never user input.
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

    /** The active conditions joined with AND (parenthesised when several), as a fragment for nesting. */
    public static Fragment and(Fragment... conditions) {
        return junction(" AND ", conditions);
    }

    /** The active conditions joined with OR (parenthesised when several), as a fragment for nesting. */
    public static Fragment or(Fragment... conditions) {
        return junction(" OR ", conditions);
    }

    private static Fragment junction(String operator, Fragment... conditions) {
        List<String> active = active(conditions);
        if (active.size() <= 1) {
            return new Fragment(!active.isEmpty(), active.isEmpty() ? "" : active.get(0));
        }
        return new Fragment(true, "(" + String.join(operator, active) + ")");
    }

    /**
     * {@code " SET a = :a, b = :b"} of the active assignments.
     * @throws IllegalArgumentException when no assignment is active: an UPDATE that sets nothing is a bug
     */
    public static String set(Fragment... assignments) {
        List<String> active = active(assignments);
        if (active.isEmpty()) {
            throw new IllegalArgumentException("No SET fragment is active: the UPDATE would change nothing");
        }
        return " SET " + String.join(", ", active);
    }

    private static List<String> active(Fragment... fragments) {
        List<String> active = new ArrayList<>();
        for (Fragment f : fragments) {
            if (f.active() && !f.sql().isBlank()) {
                String sql = f.sql().strip();
                active.add(sql);
            }
        }
        return active;
    }
}
