package dev.modelrepo.dialect;

/**
 * The lexical forms of an engine's SQL that decide where a {@code :name} in native SQL is a parameter and where it is
 * text: quoting beyond the standard {@code '…'} and {@code "…"}, and {@code ?} used as an operator.
 *
 * @param dollarQuotes {@code $$…$$} and {@code $tag$…$tag$} strings (PostgreSQL; H2 has {@code $$…$$})
 * @param escapeStrings {@code E'…'} strings, in which a backslash escapes the next character (PostgreSQL)
 * @param backslashEscapes a backslash escapes the next character in every quoted string (MySQL, MariaDB)
 * @param questionMarkOperators {@code ?}, {@code ?|} and {@code ?&} are operators (PostgreSQL's jsonb): sent as
 *        {@code ??}, the driver's escape for a {@code ?} that is no placeholder
 */
public record NativeSqlSyntax(boolean dollarQuotes, boolean escapeStrings, boolean backslashEscapes,
        boolean questionMarkOperators) {

    /** Standard SQL: {@code '…'} strings with {@code ''} for a quote, {@code "…"} identifiers. */
    public static final NativeSqlSyntax STANDARD = new NativeSqlSyntax(false, false, false, false);
}
