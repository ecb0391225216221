package dev.modelrepo.query;

import dev.modelrepo.query.error.InvalidQueryException;

/**
 * Refuses a {@code ;} in a {@code raw} fragment unless it is inside a quoted string or identifier on every engine.
 * Quotes are read the way all engines agree on ({@code '…'}, {@code "…"}, doubled to escape); past anything some
 * engine reads differently (a comment, {@code #}, {@code $}, {@code [}, a backtick, a backslash inside quotes) no
 * {@code ;} is trusted, so no quoting trick can hide a second statement.
 */
final class RawFragmentCheck {

    private RawFragmentCheck() {
    }

    static void check(String sql) {
        String doubt = null;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == '\\' && doubt == null) {
                    doubt = "a backslash inside quotes (an escape on some engines)";
                }
                else if (c == quote) {
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                        i++;
                    }
                    else {
                        quote = 0;
                    }
                }
                else if (c == ';' && doubt != null) {
                    throw refused(sql, i, "follows " + doubt + ", so it may end the statement");
                }
                continue;
            }
            if (c == ';') {
                throw refused(sql, i, doubt == null ? "is outside quotes and would end the statement"
                        : "follows " + doubt + ", so it may end the statement");
            }
            if (c == '\'' || c == '"') {
                quote = c;
            }
            else if (doubt == null) {
                doubt = doubt(sql, i);
            }
        }
    }

    /** What at {@code i} some engine reads as a comment or quote that the others do not, or null. */
    private static String doubt(String sql, int i) {
        char c = sql.charAt(i);
        if (sql.startsWith("--", i) || sql.startsWith("/*", i) || sql.startsWith("//", i) || c == '#') {
            return "a comment";
        }
        if (c == '$' || c == '[' || c == '`') {
            return "'" + c + "' (a quote on some engines)";
        }
        return null;
    }

    private static InvalidQueryException refused(String sql, int at, String why) {
        return new InvalidQueryException("raw SQL must be part of one statement: the ';' at offset " + at + " " + why
                + ": " + abbreviate(sql) + ". Use Q.rawUnchecked(...) if the ';' is meant (never with user input)");
    }

    private static String abbreviate(String sql) {
        return sql.length() > 200 ? sql.substring(0, 200) + "…" : sql;
    }
}
