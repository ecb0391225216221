package dev.modelrepo.benchmarks.peers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    interface Op { void run() throws Exception; }

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
        Op[] ops = workload.equals("insert")
                ? new Op[] { () -> b.insert_jdbc(null), () -> b.insert_jdbcTemplate(null), () -> b.insert_modelrepo(null) }
                : new Op[] { () -> b.update_jdbc(), () -> b.update_jdbcTemplate(),
                        () -> ModelrepoContender.update(fixture.repository(), m.loaded.get(b.nextUpdated()), b.nextSalary()) };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // warm-up
        for (int w = 0; w < 40; w++) {
            for (Op op : ops) {
                for (int i = 0; i < perRound; i++) op.run();
            }
            if (workload.equals("insert")) fixture.deleteInserted();
        }
        List<double[]> wall = new ArrayList<>(), cpu = new ArrayList<>();
        double[] sumWall = new double[3], sumCpu = new double[3];
        for (int r = 0; r < rounds; r++) {
            double[] w = new double[3], c = new double[3];
            for (int k = 0; k < 3; k++) {
                int o = (k + r) % 3;    // rotate the order
                long c0 = threads.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                for (int i = 0; i < perRound; i++) ops[o].run();
                long t1 = System.nanoTime(), c1 = threads.getCurrentThreadCpuTime();
                w[o] = (t1 - t0) / 1e3 / perRound;
                c[o] = (c1 - c0) / 1e3 / perRound;
                sumWall[o] += w[o]; sumCpu[o] += c[o];
            }
            if (workload.equals("insert")) fixture.deleteInserted();
            wall.add(w); cpu.add(c);
        }
        for (int o = 0; o < 3; o++) {
            System.out.printf("%s_%s: mean wall %.2f us/op, mean cpu %.2f us/op%n", workload, names[o], sumWall[o] / rounds, sumCpu[o] / rounds);
        }
        for (int o : new int[] { 0, 2 }) {
            System.out.printf("%s_%s / jdbcTemplate: wall median %s, cpu median %s%n", workload, names[o],
                    stats(wall, o, 1), stats(cpu, o, 1));
        }
        fixture.stop();
        System.exit(0);
    }

    /** Median of the per-round ratios with the 25th and 75th percentiles. */
    static String stats(List<double[]> rounds, int a, int b) {
        double[] r = rounds.stream().mapToDouble(x -> x[a] / x[b]).sorted().toArray();
        return String.format("%.3f (IQR %.3f-%.3f, n=%d)", r[r.length / 2], r[r.length / 4], r[3 * r.length / 4], r.length);
    }
}
