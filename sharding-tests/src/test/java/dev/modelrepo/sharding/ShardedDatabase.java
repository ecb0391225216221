package dev.modelrepo.sharding;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;

/**
 * The two PostgreSQL databases behind the sharded DataSource, created on the local server when missing (trust
 * authentication on 127.0.0.1:5432), with fresh tables.
 */
final class ShardedDatabase {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    static final String[] SHARDS = {"shard0", "shard1"};

    private ShardedDatabase() {
    }

    /** Creates the shard databases if missing and (re)creates the tables in each. */
    static void prepareShards() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement s = admin.createStatement()) {
            for (String shard : SHARDS) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + shard + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + shard);
                    }
                }
            }
        }
        for (String shard : SHARDS) {
            try (Connection c = shard(shard); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS orders");
                s.execute("DROP TABLE IF EXISTS currencies");
                s.execute("CREATE TABLE currencies (code VARCHAR(3) PRIMARY KEY, name VARCHAR(40) NOT NULL)");
                s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, currency_code VARCHAR(3) NOT NULL,"
                        + " amount NUMERIC(12, 2) NOT NULL, note VARCHAR(100), lock_version INTEGER NOT NULL DEFAULT 0)");
            }
        }
    }

    /** A direct connection to one shard, bypassing ShardingSphere. */
    static Connection shard(String name) throws SQLException {
        return DriverManager.getConnection(SERVER + name, "postgres", "");
    }

    /** The rows of a table in one shard, counted directly. */
    static long countIn(String shard, String table) throws SQLException {
        try (Connection c = shard(shard); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** ShardingSphere-JDBC's DataSource over both shards, from {@code sharding.yaml}. */
    static DataSource sharded() throws SQLException, IOException {
        try (InputStream in = ShardedDatabase.class.getResourceAsStream("/sharding.yaml")) {
            return YamlShardingSphereDataSourceFactory.createDataSource(in.readAllBytes());
        }
    }
}
