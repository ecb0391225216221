package dev.modelrepo.benchmarks.peers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.infra.Blackhole;

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
        PairedRun.Op[] ops = switch (workload) {
            case "findById" -> new PairedRun.Op[] { () -> b.findById_jdbc(bh), () -> b.findById_jdbcTemplate(bh), () -> b.findById_modelrepo(bh) };
            case "list10" -> new PairedRun.Op[] { () -> b.list10_jdbc(bh), () -> b.list10_jdbcTemplate(bh), () -> b.list10_modelrepo(m, bh) };
            case "join100" -> new PairedRun.Op[] { () -> b.join100_jdbc(bh), () -> b.join100_jdbcTemplate(bh), () -> b.join100_modelrepo(m, bh) };
            default -> throw new IllegalArgumentException("findById, list10 or join100, not " + workload);
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int w = 0; w < 60; w++) {
            for (PairedRun.Op op : ops) {
                for (int i = 0; i < perRound; i++) op.run();
            }
        }
        List<double[]> wall = new ArrayList<>(), cpu = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double[] w = new double[3], c = new double[3];
            for (int k = 0; k < 3; k++) {
                int o = (k + r) % 3;    // rotate the order
                long c0 = threads.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                for (int i = 0; i < perRound; i++) ops[o].run();
                long t1 = System.nanoTime(), c1 = threads.getCurrentThreadCpuTime();
                w[o] = (t1 - t0) / 1e3 / perRound;
                c[o] = (c1 - c0) / 1e3 / perRound;
            }
            wall.add(w);
            cpu.add(c);
        }
        for (int o : new int[] { 0, 2 }) {
            System.out.printf("%s_%s / jdbcTemplate: wall median %s, cpu median %s%n", workload, names[o],
                    PairedRun.stats(wall, o, 1), PairedRun.stats(cpu, o, 1));
        }
        System.out.printf("%s_modelrepo / jdbc: cpu median %s%n", workload, PairedRun.stats(cpu, 2, 0));
        fixture.stop();
        System.exit(0);
    }
}
