package dev.modelrepo.dialect;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * H2's constraint errors, by error code; the quoted part of the message names the constraint, its index, the table
 * and the columns in a fixed form ({@code "PUBLIC.UK_EMAIL INDEX PUBLIC.UK_EMAIL_INDEX_1 ON PUBLIC.EMPLOYEES(EMAIL NULLS FIRST) …"}).
 */
final class H2ConstraintMessages implements ConstraintMessages {

    private static final Pattern UNIQUE = Pattern.compile(
            "\"(?:\\w+\\.)?(\\w+)(?: INDEX (?:\\w+\\.)?\\w+| PRIMARY KEY)? ON (?:\\w+\\.)?(\\w+)\\(([^)]*)\\)");

    private static final Pattern FOREIGN_KEY = Pattern.compile("\"(\\w+): (?:\\w+\\.)?(\\w+) FOREIGN KEY\\(([^)]*)\\)");

    private static final Pattern NOT_NULL = Pattern.compile("\"(\\w+)\"");

    private static final Pattern CHECK = Pattern.compile("\"(\\w+):");

    @Override
    public @Nullable ConstraintViolation parse(SQLException ex) {
        String message = String.valueOf(ex.getMessage());
        return switch (ex.getErrorCode()) {
            case 23505 -> match(ConstraintViolation.Type.UNIQUE, UNIQUE, message);
            case 23503, 23506 -> match(ConstraintViolation.Type.FOREIGN_KEY, FOREIGN_KEY, message);
            case 23502 -> {
                Matcher m = NOT_NULL.matcher(message);
                yield new ConstraintViolation(ConstraintViolation.Type.NOT_NULL, null, null,
                        m.find() ? List.of(ConstraintMessages.name(m.group(1))) : List.of());
            }
            case 23513, 23514 -> {
                Matcher m = CHECK.matcher(message);
                yield new ConstraintViolation(ConstraintViolation.Type.CHECK, m.find() ? m.group(1) : null, null, List.of());
            }
            default -> null;
        };
    }

    private static ConstraintViolation match(ConstraintViolation.Type type, Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        if (!m.find()) {
            return new ConstraintViolation(type, null, null, List.of());
        }
        // H2 before 2.2 named only the index, after its constraint: CONSTRAINT_NAME_INDEX_7
        String constraint = m.group(1).replaceFirst("_INDEX_\\d+$", "");
        return new ConstraintViolation(type, constraint, ConstraintMessages.name(m.group(2)), ConstraintMessages.columns(m.group(3)));
    }
}
