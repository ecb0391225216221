package dev.modelrepo.autoconfigure.replica;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.util.ClassUtils;

/**
 * Builds the replica's pool from {@code modelrepo.replica.*} with Boot's {@link DataSourceBuilder}. A HikariCP pool
 * (Boot's default) is made read-only, starts without waiting for the replica and waits at most
 * {@value #CONNECTION_TIMEOUT_MILLIS} ms for a connection, so that a replica that dies costs one short wait before
 * reads go to the primary.
 */
final class ReplicaPools {

    static final long CONNECTION_TIMEOUT_MILLIS = 2_000;

    private ReplicaPools() {
    }

    static DataSource build(ReplicaProperties properties, @Nullable ClassLoader classLoader) {
        DataSource pool = DataSourceBuilder.create(classLoader)
            .url(properties.getUrl())
            .username(properties.getUsername())
            .password(properties.getPassword())
            .build();
        if (ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", classLoader)) {
            Hikari.configure(pool);
        }
        return pool;
    }

    /** Apart, so that nothing loads HikariCP's classes where the application does not have them. */
    private static final class Hikari {

        static void configure(DataSource pool) {
            if (pool instanceof HikariDataSource hikari) {
                hikari.setPoolName("modelrepo-replica");
                hikari.setReadOnly(true);
                hikari.setInitializationFailTimeout(-1);
                hikari.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
            }
        }
    }
}
