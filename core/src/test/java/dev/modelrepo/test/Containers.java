package dev.modelrepo.test;

import java.util.List;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Starts at most one Testcontainers container per engine per JVM, as the last resort of
 * {@link EngineServers}; kept apart so that a module without Testcontainers still loads the rest.
 */
final class Containers {

    private static Boolean dockerAvailable;

    private Containers() {
    }

    /**
     * Starts (once) the container for {@code engine} and returns it as a server, or returns null
     * and adds to {@code tried} why not. Called under the lock of {@link EngineServers}, once per
     * engine.
     */
    static EngineServers.Server start(Engine engine, List<String> tried) {
        String image = switch (engine) {
            case POSTGRESQL -> "postgres:15";
            case MARIADB -> "mariadb:10.11";
            case MYSQL -> "mysql:8.4";
            default -> throw new IllegalArgumentException(engine + " needs no container");
        };
        if (!dockerAvailable()) {
            tried.add("Testcontainers " + image + ": no Docker environment");
            return null;
        }
        JdbcDatabaseContainer<?> container = switch (engine) {
            case POSTGRESQL -> new PostgreSQLContainer(image);
            case MARIADB -> new MariaDBContainer(image);
            default -> new MySQLContainer(image);
        };
        try {
            container.start();
        } catch (RuntimeException e) {
            tried.add("Testcontainers " + image + " did not start: " + e);
            return null;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-" + image));
        // PostgreSQL's container user is a superuser; MariaDB and MySQL give root the same password.
        String user = engine == Engine.POSTGRESQL ? container.getUsername() : "root";
        return new EngineServers.Server(engine, container.getJdbcUrl(), user, container.getPassword(),
                "Testcontainers " + image);
    }

    private static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            try {
                dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                dockerAvailable = false;
            }
        }
        return dockerAvailable;
    }
}
