package dev.modelrepo.benchmarks.peers;

import static dev.modelrepo.query.Q.asc;
import static dev.modelrepo.query.Q.le;
import static dev.modelrepo.query.Q.param;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
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

import dev.modelrepo.benchmarks.peers.GrowthTables.Parent;
import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;

/**
 * The first {@code parents} rows of {@code growth_parents} with their children ({@code include("children")}, two per
 * parent), against hand-written JDBC running the same two queries: the parents, then the children by parent key in the
 * chunks modelrepo uses on that engine (one {@code = ANY(?)} array per chunk), attached to their parents through a map.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class IncludeGrowthBenchmarks {

    @Param({ "h2", "postgresql" })
    public String engine;

    @Param({ "1000", "100000" })
    public int parents;

    private HikariDataSource dataSource;

    private ModelRepository repo;

    private ModelQuery<Parent> query;

    private int chunk;

    /** A parent as the JDBC baseline reads it. */
    record ParentRow(long id, String name, List<ChildRow> children) {
    }

    /** A child as the JDBC baseline reads it. */
    record ChildRow(long id, long parentId, String name) {
    }

    @Setup(Level.Trial)
    public void start() throws SQLException {
        Engine db = Engine.of(engine);
        dataSource = GrowthTables.pool(db);
        GrowthTables.family(dataSource, db);
        repo = ModelRepository.builder(dataSource).build();
        query = repo.query(Parent.class, "p").where(le("p.id", param("n"))).orderBy(asc("p.id")).include("children");
        chunk = keysPerQuery(repo.dialect());
        long jdbc = include_jdbc();
        long modelrepo = include_modelrepo();
        if (jdbc != (long) parents * GrowthTables.CHILDREN_PER_PARENT || modelrepo != jdbc) {
            throw new IllegalStateException("children differ: JDBC " + jdbc + ", modelrepo " + modelrepo);
        }
    }

    /** The keys per children query modelrepo sends on this engine (all of them in one array unless the dialect says less). */
    static int keysPerQuery(Dialect dialect) {
        return dialect.inLists().keysPerStatement();
    }

    @TearDown(Level.Trial)
    public void stop() {
        dataSource.close();
    }

    @Benchmark
    public long include_jdbc() throws SQLException {
        List<ParentRow> rows = new ArrayList<>();
        Map<Long, ParentRow> byId = new HashMap<>();
        long children = 0;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT p.id, p.name FROM growth_parents p WHERE p.id <= ? ORDER BY p.id")) {
                ps.setLong(1, parents);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ParentRow p = new ParentRow(rs.getLong(1), rs.getString(2), new ArrayList<>());
                        rows.add(p);
                        byId.put(p.id(), p);
                    }
                }
            }
            Long[] keys = rows.stream().map(ParentRow::id).toArray(Long[]::new);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT i.id, i.parent_id, i.name FROM growth_children i WHERE i.parent_id = ANY(?) ORDER BY i.id")) {
                for (int from = 0; from < keys.length; from += chunk) {
                    ps.setArray(1, c.createArrayOf("BIGINT", java.util.Arrays.copyOfRange(keys, from, Math.min(keys.length, from + chunk))));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ChildRow child = new ChildRow(rs.getLong(1), rs.getLong(2), rs.getString(3));
                            byId.get(child.parentId()).children().add(child);
                            children++;
                        }
                    }
                }
            }
        }
        return children;
    }

    @Benchmark
    public long include_modelrepo() {
        long children = 0;
        for (Parent p : repo.list(query, Map.of("n", parents))) {
            children += p.relatedList("children").size();
        }
        return children;
    }
}
