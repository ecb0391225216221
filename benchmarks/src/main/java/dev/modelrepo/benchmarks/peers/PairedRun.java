package dev.modelrepo.benchmarks.peers;

import org.openjdk.jmh.infra.Blackhole;

import dev.modelrepo.benchmarks.PairedRounds;

/**
 * A paired comparison of one single-statement workload of {@link PeersBenchmarks} ({@code findById}, {@code list10},
 * {@code join100}, {@code insert} or {@code update}) of JDBC, JdbcTemplate and modelrepo on H2, for a machine too busy
 * for JMH's separate forks: the three run in alternating short rounds in one JVM (the order rotating), so that load
 * changes hit them alike, and the medians of the per-round ratios (wall and thread CPU time, with the interquartile
 * range) are printed. Not a JMH benchmark: for a second opinion only.
 * <p>
 * {@code flock /tmp/jmh.lock java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar
 * dev.modelrepo.benchmarks.peers.PairedRun WORKLOAD ROUNDS OPS_PER_ROUND} (e.g. insert 300 200, findById 300 2000,
 * join100 300 50).
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
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        String[] names = { "jdbc", "jdbcTemplate", "modelrepo" };
        PairedRounds.Op[] ops = switch (workload) {
            case "findById" -> new PairedRounds.Op[] { () -> b.findById_jdbc(bh), () -> b.findById_jdbcTemplate(bh), () -> b.findById_modelrepo(bh) };
            case "list10" -> new PairedRounds.Op[] { () -> b.list10_jdbc(bh), () -> b.list10_jdbcTemplate(bh), () -> b.list10_modelrepo(m, bh) };
            case "join100" -> new PairedRounds.Op[] { () -> b.join100_jdbc(bh), () -> b.join100_jdbcTemplate(bh), () -> b.join100_modelrepo(m, bh) };
            case "insert" -> new PairedRounds.Op[] { () -> b.insert_jdbc(null), () -> b.insert_jdbcTemplate(null), () -> b.insert_modelrepo(null) };
            case "update" -> new PairedRounds.Op[] { () -> b.update_jdbc(), () -> b.update_jdbcTemplate(),
                    () -> ModelrepoContender.update(fixture.repository(), m.loaded.get(b.nextUpdated()), b.nextSalary()) };
            default -> throw new IllegalArgumentException("findById, list10, join100, insert or update, not " + workload);
        };
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
        System.out.printf("%s_modelrepo / jdbc: cpu median %s%n", workload, times.cpuRatio(2, 0));
        fixture.stop();
        System.exit(0);
    }
}
