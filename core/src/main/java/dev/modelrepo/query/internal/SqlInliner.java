package dev.modelrepo.query.internal;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.internal.jdbc.BoundStatement;

/** Replaces the placeholders of bound SQL by literals, for logs and debugging only; never executed. */
public final class SqlInliner {

    private SqlInliner() {
    }

    public static String inline(BoundStatement statement, Dialect dialect) {
        String sql = statement.sql();
        StringBuilder sb = new StringBuilder(sql.length() + 32);
        boolean inString = false;
        int p = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                inString = !inString;
            }
            if (c == '?' && !inString && p < statement.values().length) {
                sb.append(dialect.literal(statement.values()[p++]));
            }
            else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
