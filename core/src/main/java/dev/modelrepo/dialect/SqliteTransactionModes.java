package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;


/**
 * Reads and sets the mode sqlite-jdbc begins transactions in, and repairs its autocommit flag; the only class that
 * touches sqlite-jdbc's API.
 */
final class SqliteTransactionModes {

    private SqliteTransactionModes() {
    }

    /** The mode the connection's transactions begin in (its config: the "current" mode is null between transactions). */
    static TransactionBeginMode get(Connection connection) throws SQLException {
        return switch (connection.unwrap(SQLiteConnection.class).getConnectionConfig().getTransactionMode()) {
            case IMMEDIATE -> TransactionBeginMode.IMMEDIATE;
            case EXCLUSIVE -> TransactionBeginMode.EXCLUSIVE;
            case DEFERRED -> TransactionBeginMode.DEFERRED;
        };
    }

    static void set(Connection connection, TransactionBeginMode mode) throws SQLException {
        connection.unwrap(SQLiteConnection.class).getConnectionConfig().setTransactionMode(switch (mode) {
            case IMMEDIATE -> TransactionMode.IMMEDIATE;
            case EXCLUSIVE -> TransactionMode.EXCLUSIVE;
            case DEFERRED -> TransactionMode.DEFERRED;
        });
    }

    /** The driver's own autocommit flag, read without going through a pool's proxy. */
    static boolean driverAutoCommit(Connection connection) throws SQLException {
        return connection.unwrap(SQLiteConnection.class).getConnectionConfig().isAutoCommit();
    }

    /**
     * Puts the driver back in autocommit mode, committing a transaction it left open (its work came from
     * statements that returned as committed), without the driver's own {@code setAutoCommit}, which fails midway
     * when no transaction is open and leaves a pool's view of the connection out of step.
     */
    static void restoreAutoCommit(Connection connection) throws SQLException {
        connection.unwrap(SQLiteConnection.class).getConnectionConfig().setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("COMMIT");
        }
        catch (SQLException ex) {
            if (!noTransaction(ex)) {
                throw ex;
            }
        }
    }

    /** Whether the failure says no transaction was open (SQLite: "cannot commit/rollback - no transaction is active"). */
    static boolean noTransaction(SQLException ex) {
        return String.valueOf(ex.getMessage()).contains("no transaction is active");
    }

    /** Whether the failure says a transaction is already open ("cannot start a transaction within a transaction"). */
    static boolean alreadyInTransaction(SQLException ex) {
        return String.valueOf(ex.getMessage()).contains("within a transaction");
    }
}
