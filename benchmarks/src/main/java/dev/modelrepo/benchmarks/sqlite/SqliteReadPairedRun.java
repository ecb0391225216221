package dev.modelrepo.benchmarks.sqlite;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

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

    interface Op {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int perRound = Integer.parseInt(args[1]);
        SqliteReadBenchmarks b = new SqliteReadBenchmarks();
        b.rows = 1000;
        b.open();
        String[] names = { "jdbcRaw", "modelrepoList" };
        Op[] ops = { b::jdbcRaw, b::modelrepoList };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int w = 0; w < 300; w++) {
            for (Op op : ops) {
                for (int i = 0; i < perRound; i++) {
                    sink += ((List<?>) op.run()).size();
                }
            }
        }
        List<double[]> wall = new ArrayList<>();
        List<double[]> cpu = new ArrayList<>();
        double[] sumWall = new double[2];
        double[] sumCpu = new double[2];
        for (int r = 0; r < rounds; r++) {
            double[] w = new double[2];
            double[] c = new double[2];
            for (int k = 0; k < 2; k++) {
                int o = (k + r) % 2;
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    sink += ((List<?>) ops[o].run()).size();
                }
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                w[o] = (t1 - t0) / 1e3 / perRound;
                c[o] = (c1 - c0) / 1e3 / perRound;
                sumWall[o] += w[o];
                sumCpu[o] += c[o];
            }
            wall.add(w);
            cpu.add(c);
        }
        for (int o = 0; o < 2; o++) {
            System.out.printf("%s: mean wall %.1f us/op, mean cpu %.1f us/op%n", names[o], sumWall[o] / rounds, sumCpu[o] / rounds);
        }
        System.out.printf("modelrepoList / jdbcRaw: wall median %s, cpu median %s (rows read: %d)%n", stats(wall), stats(cpu), sink);
        b.close();
        System.exit(0);
    }

    /** Median of the per-round ratios with the 25th and 75th percentiles. */
    static String stats(List<double[]> rounds) {
        double[] r = rounds.stream().mapToDouble(x -> x[1] / x[0]).sorted().toArray();
        return String.format("%.3f (IQR %.3f-%.3f, n=%d)", r[r.length / 2], r[r.length / 4], r[3 * r.length / 4], r.length);
    }
}
