package dev.modelrepo.dialect;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * SQLite's constraint errors, by extended result code: UNIQUE and NOT NULL failures name {@code table.column}s
 * ({@code UNIQUE constraint failed: users.email}), CHECK ones the constraint; a foreign key failure names nothing.
 */
final class SqliteConstraintMessages implements ConstraintMessages {

    private static final int SQLITE_CONSTRAINT = 19;

    private static final Pattern COLUMNS = Pattern.compile("constraint failed: ([\\w.]+(?:, [\\w.]+)*)");

    private static final Pattern CHECK = Pattern.compile("CHECK constraint failed: (\\w+)");

    @Override
    public @Nullable ConstraintViolation parse(SQLException ex) {
        if ((ex.getErrorCode() & 0xff) != SQLITE_CONSTRAINT) {
            return null;
        }
        String message = String.valueOf(ex.getMessage());
        if (message.contains("SQLITE_CONSTRAINT_UNIQUE") || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY")) {
            return columns(ConstraintViolation.Type.UNIQUE, message);
        }
        if (message.contains("SQLITE_CONSTRAINT_NOTNULL")) {
            return columns(ConstraintViolation.Type.NOT_NULL, message);
        }
        if (message.contains("SQLITE_CONSTRAINT_FOREIGNKEY")) {
            return new ConstraintViolation(ConstraintViolation.Type.FOREIGN_KEY, null, null, List.of());
        }
        if (message.contains("SQLITE_CONSTRAINT_CHECK")) {
            Matcher m = CHECK.matcher(message);
            return new ConstraintViolation(ConstraintViolation.Type.CHECK, m.find() ? m.group(1) : null, null, List.of());
        }
        return new ConstraintViolation(ConstraintViolation.Type.OTHER, null, null, List.of());
    }

    private static ConstraintViolation columns(ConstraintViolation.Type type, String message) {
        Matcher m = COLUMNS.matcher(message);
        if (!m.find()) {
            return new ConstraintViolation(type, null, null, List.of());
        }
        String table = null;
        List<String> columns = new ArrayList<>();
        for (String qualified : m.group(1).split(", ")) {
            int dot = qualified.lastIndexOf('.');
            table = dot > 0 ? ConstraintMessages.name(qualified.substring(0, dot)) : table;
            columns.add(ConstraintMessages.name(qualified.substring(dot + 1)));
        }
        return new ConstraintViolation(type, null, table, columns);
    }
}
