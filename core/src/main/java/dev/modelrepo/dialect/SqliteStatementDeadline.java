package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.SQLException;

import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * Stops a SQLite statement at its deadline. sqlite-jdbc takes {@code setQueryTimeout} as a busy timeout only, so a
 * long-running statement would run on; this progress handler, called by SQLite every few thousand virtual-machine
 * steps, makes SQLite abort it with SQLITE_INTERRUPT once the deadline has passed. Closing it removes the handler.
 */
final class SqliteStatementDeadline extends ProgressHandler implements AutoCloseable {

    /** SQLite steps between checks: a few microseconds of work, so the deadline is kept to well under a millisecond. */
    private static final int STEPS = 4096;

    private final SQLiteConnection connection;

    private final long deadline;

    private SqliteStatementDeadline(SQLiteConnection connection, int seconds) {
        this.connection = connection;
        this.deadline = System.nanoTime() + seconds * 1_000_000_000L;
    }

    static SqliteStatementDeadline start(Connection connection, int seconds) throws SQLException {
        SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
        SqliteStatementDeadline handler = new SqliteStatementDeadline(sqlite, seconds);
        ProgressHandler.setHandler(sqlite, STEPS, handler);
        return handler;
    }

    @Override
    protected int progress() {
        return System.nanoTime() - deadline > 0 ? 1 : 0;
    }

    @Override
    public void close() throws SQLException {
        ProgressHandler.clearHandler(connection);
    }
}
