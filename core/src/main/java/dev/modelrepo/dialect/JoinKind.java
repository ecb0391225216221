package dev.modelrepo.dialect;

/** The kinds of join a SELECT can have; which of them a database has, its {@link JoinClauses} say. */
public enum JoinKind {

    INNER("INNER JOIN"),
    LEFT("LEFT JOIN"),
    /** Every row of the joined table, with the rows before it where the condition holds. */
    RIGHT("RIGHT JOIN"),
    /** The rows of both sides, matched where the condition holds. */
    FULL("FULL JOIN"),
    /** Every pair of rows; no condition. */
    CROSS("CROSS JOIN");

    private final String keyword;

    JoinKind(String keyword) {
        this.keyword = keyword;
    }

    /** The SQL keywords, {@code "RIGHT JOIN"}. */
    public String keyword() {
        return keyword;
    }
}
