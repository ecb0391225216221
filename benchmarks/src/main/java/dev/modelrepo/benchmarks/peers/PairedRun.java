package dev.modelrepo.benchmarks.peers;

import dev.modelrepo.benchmarks.PairedRounds;

/**
 * A paired comparison of the single-row {@code insert} or {@code update} of JDBC, JdbcTemplate and modelrepo on H2,
 * for a machine too busy for JMH's separate forks: the three run in alternating short rounds in one JVM (the order
 * rotating), so that load changes hit them alike, and the median of the per-round ratios to JdbcTemplate (wall and
 * thread CPU time, with the interquartile range) is printed. Not a JMH benchmark: for a second opinion only.
 * <p>
 * {@code flock /tmp/jmh.lock java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar
 * dev.modelrepo.benchmarks.peers.PairedRun insert|update ROUNDS OPS_PER_ROUND} (e.g. 300 200).
 */
public class PairedRun {
    public static void main(String[] args) throws Exception {
        String workload = args[0];
        int rounds = Integer.parseInt(args[1]);
        int perRound = Integer.parseInt(args[2]);
        Fixture fixture = new Fixture();
        fixture.engine = "h2";
        fixture.start();
        PeersBenchmarks b = new PeersBenchmarks();
        b.setUp(fixture);
        ModelrepoContender m = new ModelrepoContender();
        m.start(fixture);
        String[] names = { "jdbc", "jdbcTemplate", "modelrepo" };
        PairedRounds.Op[] ops = workload.equals("insert")
                ? new PairedRounds.Op[] { () -> b.insert_jdbc(null), () -> b.insert_jdbcTemplate(null), () -> b.insert_modelrepo(null) }
                : new PairedRounds.Op[] { () -> b.update_jdbc(), () -> b.update_jdbcTemplate(),
                        () -> ModelrepoContender.update(fixture.repository(), m.loaded.get(b.nextUpdated()), b.nextSalary()) };
        PairedRounds.Times times = PairedRounds.run(ops, 40, rounds, perRound, () -> {
            if (workload.equals("insert")) {
                fixture.deleteInserted();
            }
        });
        for (int o = 0; o < 3; o++) {
            System.out.printf("%s_%s: %s%n", workload, names[o], times.means(o));
        }
        for (int o : new int[] { 0, 2 }) {
            System.out.printf("%s_%s / jdbcTemplate: wall median %s, cpu median %s%n", workload, names[o], times.wallRatio(o, 1),
                    times.cpuRatio(o, 1));
        }
        fixture.stop();
        System.exit(0);
    }

}
