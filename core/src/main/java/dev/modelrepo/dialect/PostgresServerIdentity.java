package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.util.ClassUtils;

/**
 * What a server on PostgreSQL's wire protocol says it is beyond its {@code server_version}: CockroachDB sends a
 * {@code crdb_version} parameter with every connection, read here from pgjdbc without a query.
 */
final class PostgresServerIdentity {

    private static final boolean PGJDBC = ClassUtils.isPresent("org.postgresql.PGConnection",
            PostgresServerIdentity.class.getClassLoader());

    private PostgresServerIdentity() {
    }

    /** The {@code crdb_version} the server sent, or null (PostgreSQL, another driver, a proxy such as ShardingSphere). */
    static @Nullable String cockroachVersion(Connection connection) throws SQLException {
        if (!PGJDBC || !connection.isWrapperFor(PGConnection.class)) {
            return null;
        }
        return connection.unwrap(PGConnection.class).getParameterStatus("crdb_version");
    }
}
