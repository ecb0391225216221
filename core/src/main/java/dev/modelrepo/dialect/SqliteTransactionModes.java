package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.SQLException;

import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

import dev.modelrepo.lock.LockMode;

/** Reads and sets the mode sqlite-jdbc begins transactions in; the only class that touches sqlite-jdbc's API. */
final class SqliteTransactionModes {

    private SqliteTransactionModes() {
    }

    /** The mode the connection's transactions begin in (its config: the "current" mode is null between transactions). */
    static LockMode get(Connection connection) throws SQLException {
        return switch (connection.unwrap(SQLiteConnection.class).getConnectionConfig().getTransactionMode()) {
            case IMMEDIATE -> LockMode.IMMEDIATE;
            case EXCLUSIVE -> LockMode.EXCLUSIVE;
            case DEFERRED -> LockMode.DEFERRED;
        };
    }

    static void set(Connection connection, LockMode mode) throws SQLException {
        connection.unwrap(SQLiteConnection.class).getConnectionConfig().setTransactionMode(switch (mode) {
            case IMMEDIATE -> TransactionMode.IMMEDIATE;
            case EXCLUSIVE -> TransactionMode.EXCLUSIVE;
            case DEFERRED -> TransactionMode.DEFERRED;
            default -> throw new IllegalArgumentException("not a SQLite transaction mode: " + mode);
        });
    }
}
