package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Finds the {@link Dialect} of a database from {@link DatabaseMetaData} (product name and version; MySQL
 * Connector/J connected to MariaDB says "MySQL" with "MariaDB" in the version), or by configured name.
 */
public final class DialectResolver {

    private static final Pattern MARIADB_VERSION = Pattern.compile("(\\d+)\\.(\\d+)[.\\d]*-MariaDB", Pattern.CASE_INSENSITIVE);

    private DialectResolver() {
    }

    /** The dialect for a name as written in {@code modelrepo.dialect}. */
    public static Dialect byName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres" -> PostgresDialect.INSTANCE;
            case "cockroachdb" -> CockroachDbDialect.INSTANCE;
            case "yugabytedb" -> YugabyteDbDialect.INSTANCE;
            case "tidb" -> TiDbDialect.INSTANCE;
            case "shardingsphere-postgresql" -> ShardingSpherePostgresDialect.INSTANCE;
            case "mysql" -> MySqlDialect.INSTANCE;
            case "mariadb" -> MariaDbDialect.INSTANCE;
            case "h2" -> H2Dialect.INSTANCE;
            case "sqlite" -> SqliteDialect.INSTANCE;
            default -> throw new NoDialectException("Unknown dialect '" + name
                    + "'; expected one of postgresql, mysql, mariadb, h2, sqlite, cockroachdb, yugabytedb, tidb, shardingsphere-postgresql");
        };
    }

    /** Probes the database once through a connection of the data source. */
    public static Dialect resolve(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            DatabaseMetaData metaData = connection.getMetaData();
            Dialect proxied = ShardingSphereDetection.dialect(connection, metaData.getDatabaseProductName());
            if (proxied != null) {
                return proxied;
            }
            String cockroach = PostgresServerIdentity.cockroachVersion(connection);
            String version = cockroach != null ? cockroach : metaData.getDatabaseProductVersion();
            return resolve(metaData.getDatabaseProductName(), version, metaData.getDatabaseMajorVersion(),
                    metaData.getDatabaseMinorVersion());
        }
        catch (SQLException ex) {
            throw new NoDialectException("Could not read the database metadata to choose a dialect: " + ex.getMessage());
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * The dialect for a product name and version as {@link DatabaseMetaData} reports them (for CockroachDB, which
     * reports itself as PostgreSQL 13, the version is its {@code crdb_version}, e.g. {@code CockroachDB CCL v23.2.4}).
     */
    public static Dialect resolve(String productName, String productVersion, int major, int minor) {
        String product = productName.toLowerCase(Locale.ROOT);
        String version = productVersion.toLowerCase(Locale.ROOT);
        if (product.contains("cockroach") || version.contains("cockroachdb")) {
            return CockroachDbDialect.INSTANCE;
        }
        if (product.contains("postgresql")) {
            return version.contains("-yb-") ? YugabyteDbDialect.INSTANCE : PostgresDialect.INSTANCE;
        }
        if (product.contains("mysql") && version.contains("-tidb-")) {
            return TiDbDialect.INSTANCE;
        }
        if (product.contains("mariadb") || (product.contains("mysql") && productVersion.toLowerCase(Locale.ROOT).contains("mariadb"))) {
            Matcher m = MARIADB_VERSION.matcher(productVersion);
            return m.find() ? MariaDbDialect.forVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                    : MariaDbDialect.forVersion(major, minor);
        }
        if (product.contains("mysql")) {
            return MySqlDialect.INSTANCE;
        }
        if (product.equals("h2")) {
            return H2Dialect.INSTANCE;
        }
        if (product.contains("sqlite")) {
            return SqliteDialect.forVersion(major, minor);
        }
        throw new NoDialectException("No dialect for database '" + productName + "' " + productVersion
                + "; supported: PostgreSQL, MySQL, MariaDB, H2, SQLite, CockroachDB, YugabyteDB, TiDB (or set modelrepo.dialect)");
    }
}
