package dev.modelrepo.dialect;

import java.util.EnumMap;
import java.util.Map;

/**
 * The joins one database can write, as data: every {@link JoinKind} unless the dialect takes one away, saying why
 * (MySQL and MariaDB have no FULL JOIN; SQLite before 3.39 neither RIGHT nor FULL). Renders a join's keywords, or
 * refuses it with {@link UnsupportedJoinException} before any SQL is sent.
 */
public final class JoinClauses {

    private final String dialect;

    /** The kinds the database lacks, with what the refusal adds (" before SQLite 3.39 (connected: 3.38)"). */
    private final Map<JoinKind, String> missing;

    private JoinClauses(String dialect, Map<JoinKind, String> missing) {
        this.dialect = dialect;
        this.missing = missing;
    }

    /** Every kind of join, as standard SQL has them. */
    public static JoinClauses standard(String dialect) {
        return new JoinClauses(dialect, Map.of());
    }

    /** The same clauses without this kind; {@code why} is added to the refusal (empty, or " before …"). */
    public JoinClauses without(JoinKind kind, String why) {
        Map<JoinKind, String> fewer = new EnumMap<>(JoinKind.class);
        fewer.putAll(missing);
        fewer.put(kind, why);
        return new JoinClauses(dialect, Map.copyOf(fewer));
    }

    /** Whether the database has this kind of join. */
    public boolean has(JoinKind kind) {
        return !missing.containsKey(kind);
    }

    /** The join's keywords between spaces ({@code " RIGHT JOIN "}); refused when the database has no such join. */
    public String render(JoinKind kind) {
        String why = missing.get(kind);
        if (why != null) {
            throw new UnsupportedJoinException(dialect, kind.keyword() + why);
        }
        return " " + kind.keyword() + " ";
    }
}
