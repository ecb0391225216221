package dev.modelrepo.dialect;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Maps SQLite's result codes, which Spring's error-code file does not know: BUSY and LOCKED become
 * {@link CannotAcquireLockException}, INTERRUPT (a statement stopped at its deadline) {@link QueryTimeoutException}, UNIQUE and PRIMARY KEY violations {@link DuplicateKeyException}, other
 * constraint violations {@link DataIntegrityViolationException}, unknown tables, columns and functions and syntax
 * errors {@link BadSqlGrammarException}.
 */
final class SqliteExceptionTranslator implements SQLExceptionTranslator {

    private static final int SQLITE_BUSY = 5;

    private static final int SQLITE_LOCKED = 6;

    private static final int SQLITE_CONSTRAINT = 19;

    private static final int SQLITE_ERROR = 1;

    /** What a statement stopped by its deadline (or {@code Statement.cancel}) fails with. */
    private static final int SQLITE_INTERRUPT = 9;

    private final SQLExceptionTranslator fallback = new SQLExceptionSubclassTranslator();

    @Override
    public @Nullable DataAccessException translate(String task, @Nullable String sql, SQLException ex) {
        // sqlite-jdbc reports the primary result code as the error code and the extended name in the message.
        int code = ex.getErrorCode() & 0xff;
        String message = task + "; " + (sql != null ? "SQL [" + sql + "]; " : "") + ex.getMessage();
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
            return new CannotAcquireLockException(message, ex);
        }
        if (code == SQLITE_INTERRUPT) {
            return new QueryTimeoutException(task + ": the statement was stopped at its timeout; "
                    + (sql != null ? "SQL [" + sql + "]; " : "") + ex.getMessage(), ex);
        }
        if (code == SQLITE_CONSTRAINT) {
            String text = String.valueOf(ex.getMessage());
            if (text.contains("SQLITE_CONSTRAINT_UNIQUE") || text.contains("SQLITE_CONSTRAINT_PRIMARYKEY")) {
                return new DuplicateKeyException(message, ex);
            }
            return new DataIntegrityViolationException(message, ex);
        }
        if (code == SQLITE_ERROR) {
            String text = String.valueOf(ex.getMessage());
            if (text.contains("no such table") || text.contains("no such column") || text.contains("syntax error")
                    || text.contains("no such function")) {
                return new BadSqlGrammarException(task, sql == null ? "" : sql, ex);
            }
        }
        return fallback.translate(task, sql, ex);
    }
}
