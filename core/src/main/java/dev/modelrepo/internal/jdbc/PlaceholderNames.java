package dev.modelrepo.internal.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The column each {@code ?} of a statement is written to or compared with, read from the SQL text, so logged values
 * can be masked by column: {@code INSERT INTO t (a, b) VALUES (?, ?)} by position, and {@code col = ?},
 * {@code col LIKE ?}, {@code col IN (?, ?)}, {@code col = ANY(?)}, {@code col BETWEEN ? AND ?} by the column before the
 * operator. A placeholder inside an expression ({@code lower(?)}) has no column (null). Only run when values are logged.
 */
final class PlaceholderNames {

    private static final Set<String> LIST_WORDS = Set.of("in", "any", "all", "some");

    private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "and", "or", "not", "set", "values", "on",
            "in", "any", "all", "some", "like", "ilike", "between", "limit", "offset", "then", "when", "else", "case", "as", "is");

    private enum Kind { WORD, QUOTED, PLACEHOLDER, OPERATOR, OPEN, CLOSE, COMMA, DOT, OTHER }

    private record Token(Kind kind, String text) {
        boolean word(String word) {
            return kind == Kind.WORD && text.equals(word);
        }

        boolean identifier() {
            return kind == Kind.QUOTED || (kind == Kind.WORD && !KEYWORDS.contains(text) && !Character.isDigit(text.charAt(0)));
        }
    }

    private PlaceholderNames() {
    }

    /** One entry per placeholder, in order: the column's name in lower case, or null where none can be told. */
    static List<@Nullable String> of(String sql) {
        List<Token> tokens = tokenize(sql);
        List<@Nullable String> names = new ArrayList<>();
        int insertAt = indexOfWord(tokens, "insert", 0);
        List<String> insertColumns = insertAt < 0 ? null : insertColumns(tokens, insertAt);
        int valuesAt = insertColumns == null ? -1 : indexOfWord(tokens, "values", insertAt);
        int depth = 0;
        int position = 0;
        boolean inValues = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i == valuesAt) {
                inValues = true;
                continue;
            }
            if (inValues) {
                if (t.kind() == Kind.OPEN) {
                    if (depth++ == 0) {
                        position = 0;
                    }
                    continue;
                }
                if (t.kind() == Kind.CLOSE) {
                    inValues = --depth >= 0;   // below 0: the end of an INSERT nested in a SELECT (H2's FINAL TABLE)
                    continue;
                }
                if (depth == 0 && t.kind() != Kind.COMMA) {
                    inValues = false;   // ON CONFLICT, RETURNING, ON DUPLICATE KEY UPDATE: named by the operator rule
                }
                else if (t.kind() == Kind.COMMA && depth == 1) {
                    position++;
                    continue;
                }
                else if (t.kind() == Kind.PLACEHOLDER) {
                    names.add(position < insertColumns.size() ? insertColumns.get(position) : null);
                    continue;
                }
            }
            if (t.kind() == Kind.PLACEHOLDER) {
                names.add(compared(tokens, i));
            }
        }
        return names;
    }

    /** The column list of {@code INSERT INTO t (a, b) VALUES} whose INSERT is at {@code insertAt}, or null. */
    private static @Nullable List<String> insertColumns(List<Token> tokens, int insertAt) {
        int i = insertAt + 1;
        while (i < tokens.size() && tokens.get(i).kind() != Kind.OPEN) {
            if (tokens.get(i).word("values") || tokens.get(i).word("select")) {
                return null;
            }
            i++;
        }
        List<String> columns = new ArrayList<>();
        for (i++; i < tokens.size() && tokens.get(i).kind() != Kind.CLOSE; i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.WORD || t.kind() == Kind.QUOTED) {
                columns.add(t.text());
            }
            else if (t.kind() != Kind.COMMA) {
                return null;
            }
        }
        return i + 1 < tokens.size() && tokens.get(i + 1).word("values") ? columns : null;
    }

    private static int indexOfWord(List<Token> tokens, String word, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).word(word)) {
                return i;
            }
        }
        return -1;
    }

    /** The column the placeholder at {@code i} is compared with or assigned to, or null. */
    private static @Nullable String compared(List<Token> tokens, int i) {
        int j = i - 1;
        boolean listed = false;
        while (j >= 0 && (tokens.get(j).kind() == Kind.PLACEHOLDER || tokens.get(j).kind() == Kind.COMMA)) {
            j--;
            listed = true;
        }
        if (j < 0) {
            return null;
        }
        Token t = tokens.get(j);
        if (t.kind() == Kind.OPEN) {
            if (--j < 0 || !LIST_WORDS.contains(tokens.get(j).text())) {
                return null;   // a function's argument
            }
            boolean in = tokens.get(j).word("in");
            j = skipNot(tokens, j - 1);
            if (!in) {
                if (j < 0 || tokens.get(j).kind() != Kind.OPERATOR) {
                    return null;
                }
                j--;
            }
        }
        else if (listed) {
            return null;
        }
        else if (t.kind() == Kind.OPERATOR) {
            j--;
        }
        else if (t.word("like") || t.word("ilike") || t.word("between")) {
            j = skipNot(tokens, j - 1);
        }
        else if (t.word("and") && j >= 2 && tokens.get(j - 1).kind() == Kind.PLACEHOLDER && tokens.get(j - 2).word("between")) {
            j = skipNot(tokens, j - 3);
        }
        else {
            return null;
        }
        return j >= 0 && tokens.get(j).identifier() ? tokens.get(j).text() : null;
    }

    private static int skipNot(List<Token> tokens, int j) {
        return j >= 0 && tokens.get(j).word("not") ? j - 1 : j;
    }

    private static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            }
            else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            }
            else if (c == '\'') {
                i = endOfQuoted(sql, i, '\'');
                tokens.add(new Token(Kind.OTHER, "'"));
            }
            else if (c == '"' || c == '`') {
                int end = endOfQuoted(sql, i, c);
                tokens.add(new Token(Kind.QUOTED, sql.substring(i + 1, Math.max(i + 1, end - 1)).toLowerCase(Locale.ROOT)));
                i = end;
            }
            else if (c == '?') {
                i = questionMark(sql, i, tokens);
            }
            else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i).toLowerCase(Locale.ROOT)));
            }
            else if (c == '=' || c == '<' || c == '>' || c == '!') {
                int start = i;
                while (i < n && "=<>!".indexOf(sql.charAt(i)) >= 0) {
                    i++;
                }
                tokens.add(new Token(Kind.OPERATOR, sql.substring(start, i)));
            }
            else {
                tokens.add(new Token(switch (c) {
                    case '(' -> Kind.OPEN;
                    case ')' -> Kind.CLOSE;
                    case ',' -> Kind.COMMA;
                    case '.' -> Kind.DOT;
                    default -> Kind.OTHER;
                }, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    /** A placeholder, or pgjdbc's {@code ??} escape of PostgreSQL's ? operator (never a placeholder); the index after it. */
    private static int questionMark(String sql, int i, List<Token> tokens) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == '?') {
            tokens.add(new Token(Kind.OPERATOR, "??"));
            return i + 2;
        }
        tokens.add(new Token(Kind.PLACEHOLDER, "?"));
        return i + 1;
    }

    /** The index after a quoted run that starts at {@code start}; a doubled closing character is part of it. */
    private static int endOfQuoted(String sql, int start, char close) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
