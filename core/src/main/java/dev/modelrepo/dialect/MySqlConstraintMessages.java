package dev.modelrepo.dialect;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * MySQL's and MariaDB's constraint errors, by error code: a duplicate names its key ({@code for key 'email'},
 * MySQL 8 as {@code 'users.email'}), a foreign key failure its table, constraint and columns, a missing value its
 * column.
 */
final class MySqlConstraintMessages implements ConstraintMessages {

    private static final Pattern KEY = Pattern.compile("for key '(?:([^'.]+)\\.)?([^']+)'");

    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "\\((?:`[^`]+`\\.)?`([^`]+)`, CONSTRAINT `([^`]+)` FOREIGN KEY \\(([^)]*)\\)");

    private static final Pattern COLUMN = Pattern.compile("(?:Column|Field) '([^']+)'");

    private static final Pattern CHECK = Pattern.compile("(?:CONSTRAINT `([^`]+)` failed|Check constraint '([^']+)')");

    @Override
    public @Nullable ConstraintViolation parse(SQLException ex) {
        String message = String.valueOf(ex.getMessage());
        return switch (ex.getErrorCode()) {
            case 1062, 1586 -> {
                Matcher m = KEY.matcher(message);
                yield m.find() ? new ConstraintViolation(ConstraintViolation.Type.UNIQUE, m.group(2), ConstraintMessages.name(m.group(1)), List.of())
                        : new ConstraintViolation(ConstraintViolation.Type.UNIQUE, null, null, List.of());
            }
            case 1451, 1452, 1216, 1217 -> {
                Matcher m = FOREIGN_KEY.matcher(message);
                yield m.find() ? new ConstraintViolation(ConstraintViolation.Type.FOREIGN_KEY, m.group(2), ConstraintMessages.name(m.group(1)),
                        ConstraintMessages.columns(m.group(3)))
                        : new ConstraintViolation(ConstraintViolation.Type.FOREIGN_KEY, null, null, List.of());
            }
            case 1048, 1364 -> {
                Matcher m = COLUMN.matcher(message);
                yield new ConstraintViolation(ConstraintViolation.Type.NOT_NULL, null, null,
                        m.find() ? List.of(ConstraintMessages.name(m.group(1))) : List.of());
            }
            case 4025, 3819 -> {
                Matcher m = CHECK.matcher(message);
                yield new ConstraintViolation(ConstraintViolation.Type.CHECK,
                        m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null, null, List.of());
            }
            default -> null;
        };
    }
}
