package dev.modelrepo.dialect;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How a statement keeps the rows whose key a subquery selects: {@code key IN (SELECT "p_"."key" FROM (subquery) "p_")}.
 * The derived table {@code p_} projects the key out of a subquery that selects more (a DISTINCT page of parents with
 * its order columns), and lets MySQL and MariaDB run what they refuse unwrapped: a LIMIT inside IN, and a subquery
 * over the table an UPDATE or DELETE changes. The other engines accept it too, so every dialect writes this one form.
 */
public final class KeySubquery {

    /** The name of the derived table. */
    private static final String ALIAS = "p_";

    private final String alias;

    private KeySubquery(String quotedAlias) {
        this.alias = quotedAlias;
    }

    /** The derived-table form, with identifiers quoted this way. */
    public static KeySubquery derivedTable(UnaryOperator<String> quote) {
        return new KeySubquery(quote.apply(ALIAS));
    }

    /** What follows the key and precedes the subquery, given the quoted key column: {@code  IN (SELECT "p_"."id" FROM (}. */
    public String open(String quotedKey) {
        return " IN (SELECT " + alias + "." + quotedKey + " FROM (";
    }

    /**
     * What follows the key and precedes the subquery, given the quoted key columns: {@code  IN (SELECT "p_"."id" FROM (}, or
     * for a composite key (a row value on the left) {@code  IN (SELECT "p_"."a", "p_"."b" FROM (}.
     */
    public String open(List<String> quotedKey) {
        StringBuilder sb = new StringBuilder(" IN (SELECT ");
        for (int i = 0; i < quotedKey.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(alias).append('.').append(quotedKey.get(i));
        }
        return sb.append(" FROM (").toString();
    }

    /** The left side of the IN: the quoted (and qualified) key column, or the row value {@code (a, b)} of a composite key. */
    public static String row(List<String> quotedKey) {
        return quotedKey.size() == 1 ? quotedKey.get(0) : "(" + String.join(", ", quotedKey) + ")";
    }

    /** What follows the subquery: {@code ) "p_")}. */
    public String close() {
        return ") " + alias + ")";
    }
}
