package dev.modelrepo.benchmarks.peers;

import org.openjdk.jmh.infra.Blackhole;

import dev.modelrepo.benchmarks.PairedRounds;

/**
 * {@link PairedRun} for the reads: {@code findById}, {@code list10} or {@code join100} of JDBC, JdbcTemplate and
 * modelrepo on H2, in alternating short rounds in one JVM (the order rotating), printing the median per-round ratios
 * (wall and thread CPU time, with the interquartile range). Not a JMH benchmark: for a second opinion on a busy machine.
 * <p>
 * {@code flock /tmp/jmh.lock java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar
 * dev.modelrepo.benchmarks.peers.ReadPairedRun findById|list10|join100 ROUNDS OPS_PER_ROUND} (e.g. 300 2000 for
 * findById, 300 50 for the others).
 */
public class ReadPairedRun {

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
            default -> throw new IllegalArgumentException("findById, list10 or join100, not " + workload);
        };
        PairedRounds.Times times = PairedRounds.run(ops, 60, rounds, perRound, () -> { });
        for (int o : new int[] { 0, 2 }) {
            System.out.printf("%s_%s / jdbcTemplate: wall median %s, cpu median %s%n", workload, names[o], times.wallRatio(o, 1),
                    times.cpuRatio(o, 1));
        }
        System.out.printf("%s_modelrepo / jdbc: cpu median %s%n", workload, times.cpuRatio(2, 0));
        fixture.stop();
        System.exit(0);
    }
}
