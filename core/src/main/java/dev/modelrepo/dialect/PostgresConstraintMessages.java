package dev.modelrepo.dialect;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.util.ClassUtils;

/**
 * PostgreSQL's constraint errors: the server sends the constraint, table and (for NOT NULL) column as fields of
 * their own, whatever the language of its messages; the columns of a unique key are read from the detail
 * {@code Key (email)=(…) already exists} when it is in English.
 */
final class PostgresConstraintMessages implements ConstraintMessages {

    private static final boolean PGJDBC = ClassUtils.isPresent("org.postgresql.util.PSQLException",
            PostgresConstraintMessages.class.getClassLoader());

    private static final Pattern KEY = Pattern.compile("^Key \\((.+?)\\)=");

    @Override
    public @Nullable ConstraintViolation parse(SQLException ex) {
        if (!PGJDBC || !(ex instanceof PSQLException psql) || psql.getServerErrorMessage() == null) {
            return null;
        }
        ServerErrorMessage server = psql.getServerErrorMessage();
        String state = String.valueOf(ex.getSQLState());
        ConstraintViolation.Type type = switch (state) {
            case "23505" -> ConstraintViolation.Type.UNIQUE;
            case "23503" -> ConstraintViolation.Type.FOREIGN_KEY;
            case "23502" -> ConstraintViolation.Type.NOT_NULL;
            case "23514" -> ConstraintViolation.Type.CHECK;
            default -> state.startsWith("23") ? ConstraintViolation.Type.OTHER : null;
        };
        if (type == null) {
            return null;
        }
        List<String> columns = server.getColumn() != null ? List.of(ConstraintMessages.name(server.getColumn()))
                : keyColumns(server.getDetail());
        return new ConstraintViolation(type, server.getConstraint(), ConstraintMessages.name(server.getTable()), columns);
    }

    private static List<String> keyColumns(@Nullable String detail) {
        Matcher m = detail == null ? null : KEY.matcher(detail);
        return m != null && m.find() ? ConstraintMessages.columns(m.group(1)) : List.of();
    }
}
