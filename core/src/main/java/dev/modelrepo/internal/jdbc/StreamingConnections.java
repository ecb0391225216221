package dev.modelrepo.internal.jdbc;

import java.sql.Connection;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The connections that have a streaming result open, on engines where that blocks every other statement
 * (MySQL/MariaDB): cursors mark and unmark them, the statement executor refuses statements on them.
 */
public final class StreamingConnections {

    private static final Map<Connection, Boolean> STREAMING = Collections.synchronizedMap(new WeakHashMap<>());

    private StreamingConnections() {
    }

    public static void mark(Connection connection) {
        STREAMING.put(connection, Boolean.TRUE);
    }

    public static void unmark(Connection connection) {
        STREAMING.remove(connection);
    }

    public static boolean isStreaming(Connection connection) {
        return STREAMING.containsKey(connection);
    }
}
