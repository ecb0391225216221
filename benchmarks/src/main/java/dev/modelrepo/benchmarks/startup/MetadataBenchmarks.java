package dev.modelrepo.benchmarks.startup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.PostgresDialect;
import dev.modelrepo.schema.MetadataReader;
import dev.modelrepo.schema.TableMetadata;

/**
 * Start-up metadata on the local PostgreSQL for 10, 100 and 1,000 tables of one schema (each with a key, seven columns
 * and a foreign key): read table by table ({@code MetadataReader.read}, what start-up did before, the baseline) and
 * schema-wide ({@code MetadataReader.readAll}, what {@code ModelRegistry.loadAll} does now). Each size has a database
 * of its own, {@code bench_meta_N}, created once and kept. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar MetadataBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class MetadataBenchmarks {

    private static final String SERVER = System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/");

    @Param({ "10", "100", "1000" })
    public int tables;

    private Connection connection;

    private MetadataReader reader;

    private List<String> names;

    @Setup
    public void setUp() throws SQLException {
        String database = "bench_meta_" + tables;
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement st = admin.createStatement()) {
            ResultSet exists = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                st.execute("CREATE DATABASE " + database);
            }
        }
        connection = DriverManager.getConnection(SERVER + database, "postgres", "");
        names = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            for (int i = 0; i < tables; i++) {
                String name = String.format("t%04d", i);
                names.add(name);
                st.execute("CREATE TABLE IF NOT EXISTS " + name + " (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, amount NUMERIC(10,2),"
                        + " created_at TIMESTAMP, parent_id BIGINT REFERENCES " + String.format("t%04d", Math.max(0, i - 1)) + " (id),"
                        + " flag BOOLEAN DEFAULT false, lock_version INT NOT NULL DEFAULT 0)");
            }
        }
        Dialect dialect = PostgresDialect.INSTANCE;
        reader = new MetadataReader(dialect);
    }

    @TearDown
    public void tearDown() throws SQLException {
        connection.close();
    }

    @Benchmark
    public int tableByTable() throws SQLException {
        int columns = 0;
        for (String name : names) {
            TableMetadata table = reader.read(connection, name, null);
            columns += table.columns().size();
        }
        return columns;
    }

    @Benchmark
    public int schemaWide() throws SQLException {
        int columns = 0;
        for (Map.Entry<String, TableMetadata> e : reader.readAll(connection, names, null).entrySet()) {
            columns += e.getValue().columns().size();
        }
        return columns;
    }
}
