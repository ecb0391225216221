package dev.modelrepo.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.NativeSqlSyntax;
import dev.modelrepo.internal.Arguments;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.query.internal.ModelValues;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueBinder;

/**
 * Native SQL parsed for {@code :named} parameters by Spring's {@link NamedParameterUtils}, with the engine's quoting
 * that Spring does not know taken into account: every quoted string and identifier (dollar quotes, {@code E'…'}
 * and backslash escapes included) and PostgreSQL's {@code ?} operators are hidden from Spring's parser behind
 * placeholders and put back after substitution. An empty list in {@code IN (:p)} becomes a condition that is
 * false ({@code NOT IN}: true) for every row, like the DSL's; a model given as a value is bound as its key.
 */
final class NativeSql {

    /** A hidden piece: a plain string literal to Spring, so it is copied as it is. */
    private static final char MARK = '\uE000';

    private static final Pattern HIDDEN = Pattern.compile("'" + MARK + "(\\d+)'");

    /** What Spring writes for an empty list; the true/false forms hold for a NULL left side too. */
    private static final Pattern EMPTY_IN = Pattern.compile("(?i)(?<![\\w$])(NOT\\s+)?IN\\s*\\(\\s*\\)");

    private final ParsedSql parsed;

    private final List<String> hidden;

    /** Whether the text ends inside a {@code --} comment, so that nothing may be appended on its last line. */
    private final boolean endsInLineComment;

    private NativeSql(ParsedSql parsed, List<String> hidden, boolean endsInLineComment) {
        this.parsed = parsed;
        this.hidden = hidden;
        this.endsInLineComment = endsInLineComment;
    }

    static NativeSql parse(String sql, NativeSqlSyntax syntax) {
        List<String> hidden = new ArrayList<>();
        StringBuilder text = new StringBuilder(sql.length() + 16);
        int i = 0;
        boolean lineComment = false;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end = endOfComment(sql, i);
            lineComment = end == sql.length() && sql.startsWith("--", i);
            if (end > 0) {
                text.append(sql, i, end);
            }
            else if (c == '?' && syntax.questionMarkOperators()) {
                // an operator here, never a placeholder (parameters are :named); ?? is the driver's escape for it
                end = i + 1 < sql.length() && sql.charAt(i + 1) == '?' ? i + 2 : i + 1;
                hide(text, hidden, "??");
            }
            else if ((end = endOfQuoted(sql, i, syntax)) > 0) {
                hide(text, hidden, sql.substring(i, end));
            }
            else {
                text.append(c);
                end = i + 1;
            }
            i = end;
        }
        return new NativeSql(NamedParameterUtils.parseSqlStatement(text.toString()), List.copyOf(hidden), lineComment);
    }

    /** Whether the text ends inside a {@code --} comment. */
    boolean endsInLineComment() {
        return endsInLineComment;
    }

    /** The parsed SQL, for Spring's value array. */
    ParsedSql parsed() {
        return parsed;
    }

    /** The SQL to prepare: parameters replaced by {@code ?} (lists by one per element), the hidden pieces put back. */
    String substitute(SqlParameterSource source) {
        String sql = NamedParameterUtils.substituteNamedParameters(parsed, source);
        sql = EMPTY_IN.matcher(sql).replaceAll(m -> m.group(1) == null ? "IN (NULL) IS TRUE" : "NOT IN (NULL) IS NOT FALSE");
        if (hidden.isEmpty()) {
            return sql;
        }
        Matcher m = HIDDEN.matcher(sql);
        return m.replaceAll(r -> Matcher.quoteReplacement(hidden.get(Integer.parseInt(r.group(1)))));
    }

    /**
     * The SQL with {@code ?} placeholders, each value (a model as its key) with the dialect's binder for its type and the
     * name of its parameter.
     */
    BoundStatement bind(Map<String, ?> params, Dialect dialect) {
        Arguments.notNull(params, "params");
        MapSqlParameterSource source = new MapSqlParameterSource(params);
        String expanded = substitute(source);
        Object[] values = NamedParameterUtils.buildValueArray(parsed, source, null);
        List<SqlParameter> names = NamedParameterUtils.buildSqlParameterList(parsed, source);
        List<Object> flat = new ArrayList<>(values.length);
        List<String> flatNames = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            String name = names.get(i).getName();
            if (values[i] instanceof Iterable<?> items) {
                for (Object item : items) {
                    flat.add(ModelValues.bindable(item, () -> "parameter '" + name + "'"));
                    flatNames.add(name);
                }
            }
            else {
                flat.add(ModelValues.bindable(values[i], () -> "parameter '" + name + "'"));
                flatNames.add(name);
            }
        }
        ValueBinder[] binders = new ValueBinder[flat.size()];
        for (int i = 0; i < binders.length; i++) {
            Object value = flat.get(i);
            binders[i] = dialect.binder(value == null ? ColumnKind.OTHER : ColumnKind.ofValue(value), null);
        }
        return new BoundStatement(expanded, binders, flat.toArray(), flatNames.toArray(String[]::new));
    }

    private static void hide(StringBuilder text, List<String> hidden, String piece) {
        text.append('\'').append(MARK).append(hidden.size()).append('\'');
        hidden.add(piece);
    }

    /** The end (exclusive) of a line or block comment opening at {@code i}, or -1. */
    private static int endOfComment(String sql, int i) {
        if (sql.startsWith("--", i)) {
            int end = sql.indexOf('\n', i);
            return end < 0 ? sql.length() : end;
        }
        if (sql.startsWith("/*", i)) {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        return -1;
    }

    /** The end (exclusive) of a quoted string or identifier opening at {@code i} in this syntax, or -1. */
    private static int endOfQuoted(String sql, int i, NativeSqlSyntax syntax) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
            return endOfQuote(sql, i, syntax.backslashEscapes());
        }
        if (c == '`') {
            return endOfQuote(sql, i, false);
        }
        boolean word = identifierPart(sql, i - 1);
        if ((c == 'E' || c == 'e') && syntax.escapeStrings() && !word && sql.startsWith("'", i + 1)) {
            return endOfQuote(sql, i + 1, true);
        }
        if (c == '$' && syntax.dollarQuotes() && !word) {
            return endOfDollarQuote(sql, i);
        }
        return -1;
    }

    /** The end of the text quoted by the character at {@code start}: a doubled quote, and a backslash if asked, escape. */
    private static int endOfQuote(String sql, int start, boolean backslash) {
        char quote = sql.charAt(start);
        for (int j = start + 1; j < sql.length(); j++) {
            char c = sql.charAt(j);
            if (backslash && c == '\\') {
                j++;
            }
            else if (c == quote) {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
                    j++;
                }
                else {
                    return j + 1;
                }
            }
        }
        return sql.length();
    }

    /** The end of a {@code $tag$…$tag$} string opening at {@code start}, or -1 when none opens there ({@code $1}). */
    private static int endOfDollarQuote(String sql, int start) {
        int j = start + 1;
        while (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_'
                || (j > start + 1 && Character.isDigit(sql.charAt(j))))) {
            j++;
        }
        if (j >= sql.length() || sql.charAt(j) != '$') {
            return -1;
        }
        String tag = sql.substring(start, j + 1);
        int close = sql.indexOf(tag, j + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static boolean identifierPart(String sql, int index) {
        if (index < 0) {
            return false;
        }
        char c = sql.charAt(index);
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
