package dev.modelrepo.dialect;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * One of the two classes that touch pgjdbc (an optional dependency; {@link PostgresTypedText} is the other): runs {@code COPY … FROM STDIN} through the
 * driver's {@code CopyManager} when the connection (a pool's proxy included) unwraps to {@link PGConnection}.
 * {@link PostgresBulkSupport} loads it only when pgjdbc is on the class path.
 */
final class PostgresCopyIn {

    private static final int BUFFER = 1 << 16;

    private PostgresCopyIn() {
    }

    /** The rows copied, or -1 when the connection is not pgjdbc's. */
    static long copy(Connection connection, String sql, InputStream data) throws SQLException {
        if (!connection.isWrapperFor(PGConnection.class)) {
            return -1;
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        try {
            return pg.getCopyAPI().copyIn(sql, data, BUFFER);
        }
        catch (IOException ex) {
            throw new SQLException("COPY input failed: " + ex.getMessage(), "58030", ex);
        }
    }
}
