package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Apache ShardingSphere-JDBC answers {@code DatabaseMetaData} with its storage's product name; its connection class
 * tells it apart.
 */
final class ShardingSphereDetection {

    private static final String CONNECTION_PACKAGE = "org.apache.shardingsphere.";

    private static final String CONNECTION_CLASS = "org.apache.shardingsphere.driver.jdbc.core.connection.ShardingSphereConnection";

    private ShardingSphereDetection() {
    }

    /** The dialect for a ShardingSphere connection over this product, or null when the connection is not one. */
    static @Nullable Dialect dialect(Connection connection, String productName) throws SQLException {
        if (!isShardingSphere(connection)) {
            return null;
        }
        if (productName.toLowerCase(Locale.ROOT).contains("postgresql")) {
            return ShardingSpherePostgresDialect.INSTANCE;
        }
        throw new NoDialectException("No dialect for ShardingSphere over '" + productName
                + "'; supported: ShardingSphere over PostgreSQL (or set modelrepo.dialect)");
    }

    /** Its own connection, or one a pool wraps around it. */
    private static boolean isShardingSphere(Connection connection) throws SQLException {
        if (connection.getClass().getName().startsWith(CONNECTION_PACKAGE)) {
            return true;
        }
        ClassLoader loader = ShardingSphereDetection.class.getClassLoader();
        return ClassUtils.isPresent(CONNECTION_CLASS, loader) && connection.isWrapperFor(ClassUtils.resolveClassName(CONNECTION_CLASS, loader));
    }
}
