package dev.modelrepo.benchmarks.peers;

import static dev.modelrepo.query.Q.in;
import static dev.modelrepo.query.Q.param;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.benchmarks.peers.GrowthTables.Item;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;

/**
 * {@code count} of the rows of {@code growth_items} (1,000,000 rows) whose key is in a bound list of {@code values} keys
 * ({@code Q.in("e.id", param("ids"))}), against hand-written JDBC sending the list the same way: one {@code = ANY(?)}
 * array on PostgreSQL; on H2 the SQL the dialect writes (one array up to H2's 65,536 elements, several OR-ed past it).
 * The keys are spread over the table and all exist, so the count is {@code values}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class InListGrowthBenchmarks {

    @Param({ "h2", "postgresql" })
    public String engine;

    @Param({ "10", "10000", "1000000" })
    public int values;

    private HikariDataSource dataSource;

    private ModelRepository repo;

    private ModelQuery<Item> query;

    private List<Long> ids;

    private String jdbcSql;

    @Setup(Level.Trial)
    public void start() throws SQLException {
        Engine db = Engine.of(engine);
        dataSource = GrowthTables.pool(db);
        GrowthTables.items(dataSource, db);
        repo = ModelRepository.builder(dataSource).build();
        query = repo.query(Item.class, "e").where(in("e.id", param("ids")));
        ids = new ArrayList<>(values);
        long step = GrowthTables.ITEMS / values;
        for (long i = 0; i < values; i++) {
            ids.add(i * step + 1);
        }
        jdbcSql = "SELECT COUNT(*) FROM growth_items e WHERE " + arraysCondition(db == Engine.H2 ? arrays(values) : 1);
        long jdbc = inList_jdbc();
        long modelrepo = inList_modelrepo();
        if (jdbc != values || modelrepo != values) {
            throw new IllegalStateException("counts differ: JDBC " + jdbc + ", modelrepo " + modelrepo + ", expected " + values);
        }
    }

    /** H2's arrays for a list: one up to 65,536 elements, else a power of two of them (what H2Dialect sends). */
    static int arrays(int size) {
        int arrays = (size + 65_535) / 65_536;
        return arrays <= 1 ? 1 : Integer.highestOneBit(arrays - 1) << 1;
    }

    private static String arraysCondition(int arrays) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < arrays; i++) {
            sb.append(i == 0 ? "" : " OR ").append("e.id = ANY(?)");
        }
        return sb.append(')').toString();
    }

    @TearDown(Level.Trial)
    public void stop() {
        dataSource.close();
    }

    @Benchmark
    public long inList_jdbc() throws SQLException {
        Long[] all = ids.toArray(Long[]::new);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(jdbcSql)) {
            int arrays = jdbcSql.split("ANY", -1).length - 1;
            for (int i = 0; i < arrays; i++) {
                Long[] part = java.util.Arrays.copyOfRange(all, (int) ((long) all.length * i / arrays), (int) ((long) all.length * (i + 1) / arrays));
                ps.setArray(i + 1, c.createArrayOf("BIGINT", part));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Benchmark
    public long inList_modelrepo() {
        return repo.count(query, Map.of("ids", ids));
    }
}
