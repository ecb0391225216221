package dev.modelrepo.benchmarks.sqlite;

import dev.modelrepo.benchmarks.PairedRounds;

/**
 * A paired comparison of {@link SqliteReadBenchmarks}' {@code modelrepoList} and {@code jdbcRaw}, for a machine too
 * busy for JMH's separate forks: the two run in alternating short rounds in one JVM (the order swapping each round),
 * so that load changes hit them alike, and the median of the per-round ratios modelrepo / JDBC (wall and thread CPU
 * time, with the interquartile range) is printed. Not a JMH benchmark: for a second opinion only.
 * <p>
 * {@code flock /tmp/jmh.lock java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar
 * dev.modelrepo.benchmarks.sqlite.SqliteReadPairedRun ROUNDS OPS_PER_ROUND} (e.g. 200 20).
 */
public class SqliteReadPairedRun {

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int perRound = Integer.parseInt(args[1]);
        SqliteReadBenchmarks b = new SqliteReadBenchmarks();
        b.rows = 1000;
        b.open();
        String[] names = { "jdbcRaw", "modelrepoList" };
        long[] sink = { 0 };
        PairedRounds.Op[] ops = { () -> sink[0] += b.jdbcRaw().size(), () -> sink[0] += b.modelrepoList().size() };
        PairedRounds.Times times = PairedRounds.run(ops, 300, rounds, perRound, () -> { });
        for (int o = 0; o < 2; o++) {
            System.out.printf("%s: %s%n", names[o], times.means(o));
        }
        System.out.printf("modelrepoList / jdbcRaw: wall median %s, cpu median %s (rows read: %d)%n", times.wallRatio(1, 0),
                times.cpuRatio(1, 0), sink[0]);
        b.close();
        System.exit(0);
    }
}
