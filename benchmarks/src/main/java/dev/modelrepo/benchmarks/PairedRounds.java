package dev.modelrepo.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rounds of a paired comparison for a machine too busy for JMH's separate forks: the contenders run in alternating
 * short rounds in one JVM, the order rotating each round, so that load changes hit them alike; each round records every
 * contender's wall and thread CPU time per operation, and the per-round ratios are summed up as medians with their
 * interquartile range. Used by the {@code *PairedRun} mains; not a JMH benchmark.
 */
public final class PairedRounds {

    /** One operation of a contender. */
    public interface Op {
        void run() throws Exception;
    }

    /** Per round, per contender: microseconds per operation of wall time and of the thread's CPU time. */
    public record Times(List<double[]> wall, List<double[]> cpu) {

        /** The median over the rounds of contender {@code a}'s CPU time over {@code b}'s, with quartiles. */
        public String cpuRatio(int a, int b) {
            return ratio(cpu, a, b);
        }

        /** The same for wall time. */
        public String wallRatio(int a, int b) {
            return ratio(wall, a, b);
        }

        /** The mean wall and CPU time of contender {@code a}. */
        public String means(int a) {
            return String.format("mean wall %.2f us/op, mean cpu %.2f us/op", wall.stream().mapToDouble(x -> x[a]).average().orElse(0),
                    cpu.stream().mapToDouble(x -> x[a]).average().orElse(0));
        }
    }

    private PairedRounds() {
    }

    /** Runs {@code warmUps} unmeasured then {@code rounds} measured rounds of {@code perRound} operations per contender. */
    public static Times run(Op[] ops, int warmUps, int rounds, int perRound, Op afterRound) throws Exception {
        for (int r = 0; r < warmUps; r++) {
            for (Op op : ops) {
                repeat(op, perRound);
            }
            afterRound.run();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int n = ops.length;
        List<double[]> wall = new ArrayList<>();
        List<double[]> cpu = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double[] w = new double[n];
            double[] c = new double[n];
            for (int k = 0; k < n; k++) {
                int o = (k + r) % n;
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                repeat(ops[o], perRound);
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                w[o] = (t1 - t0) / 1e3 / perRound;
                c[o] = (c1 - c0) / 1e3 / perRound;
            }
            afterRound.run();
            wall.add(w);
            cpu.add(c);
        }
        return new Times(wall, cpu);
    }

    private static void repeat(Op op, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            op.run();
        }
    }

    /** The median of the per-round ratios of contender {@code a} to {@code b}, with the 25th and 75th percentiles. */
    public static String ratio(List<double[]> rounds, int a, int b) {
        double[] r = rounds.stream().mapToDouble(x -> x[a] / x[b]).sorted().toArray();
        return String.format("%.3f (IQR %.3f-%.3f, n=%d)", r[r.length / 2], r[r.length / 4], r[3 * r.length / 4], r.length);
    }

    /** The 25th, 50th and 75th percentiles of the values. */
    public static double[] quartiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new double[] { sorted[sorted.length / 4], sorted[sorted.length / 2], sorted[sorted.length * 3 / 4] };
    }
}
