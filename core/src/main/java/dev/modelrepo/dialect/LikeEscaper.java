package dev.modelrepo.dialect;

/**
 * How a database escapes the LIKE wildcards in a value that {@code contains}/{@code startsWith}/{@code endsWith}
 * matches literally: the escape character named in {@code ESCAPE '…'} and the escaping of {@code %}, {@code _} and the
 * character itself. Every dialect here uses {@code !}: a backslash means something else in MySQL's string literals.
 */
public final class LikeEscaper {

    /** Escapes with {@code !}. */
    public static final LikeEscaper BANG = new LikeEscaper('!');

    private final char character;

    private LikeEscaper(char character) {
        this.character = character;
    }

    /** An escaper with this escape character; it must not be a wildcard. */
    public static LikeEscaper of(char character) {
        if (character == '%' || character == '_' || character == '\'') {
            throw new IllegalArgumentException("not an escape character for LIKE: " + character);
        }
        return character == '!' ? BANG : new LikeEscaper(character);
    }

    /** The character for {@code ESCAPE '…'}. */
    public char character() {
        return character;
    }

    /** The value with {@code %}, {@code _} and the escape character escaped, so LIKE matches it literally. */
    public String escape(String value) {
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == character || c == '%' || c == '_') {
                if (sb == null) {
                    sb = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                sb.append(character);
            }
            if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? value : sb.toString();
    }
}
