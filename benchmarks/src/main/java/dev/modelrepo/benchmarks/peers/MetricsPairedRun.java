package dev.modelrepo.benchmarks.peers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link MetricsBenchmarks}' find by id contenders in alternating short rounds in one JVM (the order rotating), for a
 * machine too busy for JMH's separate runs: per round, what each registry adds to {@code findById_modelrepo} (wall and
 * thread CPU time per statement); printed are the medians over the rounds with their interquartile ranges, and each
 * contender's median ratio to hand-written JDBC. Not a JMH benchmark: for a second opinion only.
 * <p>
 * {@code flock /tmp/jmh.lock java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar
 * dev.modelrepo.benchmarks.peers.MetricsPairedRun ROUNDS OPS_PER_ROUND} (e.g. 400 2000).
 */
public class MetricsPairedRun {

    interface Op {
        void run(Blackhole bh) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int perRound = Integer.parseInt(args[1]);
        Fixture fixture = new Fixture();
        fixture.engine = "h2";
        fixture.start();
        MetricsBenchmarks b = new MetricsBenchmarks();
        b.setUp(fixture);
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        String[] names = { "jdbc", "modelrepo", "bare", "queryMeters", "bootDefault" };
        Op[] ops = { b::findById_jdbc, b::findById_modelrepo, b::findById_modelrepoBare, b::findById_modelrepoQueryMeters,
                b::findById_modelrepoBootDefault };
        int n = ops.length;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int w = 0; w < 30; w++) {
            for (Op op : ops) {
                for (int i = 0; i < perRound; i++) {
                    op.run(bh);
                }
            }
        }
        List<double[]> wall = new ArrayList<>();
        List<double[]> cpu = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double[] w = new double[n];
            double[] c = new double[n];
            for (int k = 0; k < n; k++) {
                int o = (k + r) % n;
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    ops[o].run(bh);
                }
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                w[o] = (t1 - t0) / 1e3 / perRound;
                c[o] = (c1 - c0) / 1e3 / perRound;
            }
            wall.add(w);
            cpu.add(c);
        }
        System.out.printf("%d rounds of %d statements per contender, load before/after: see uptime%n", rounds, perRound);
        System.out.println("contender     wall µs (IQR)          cpu µs (IQR)           vs JDBC (cpu)  added (wall, IQR)     added (cpu, IQR)");
        for (int o = 0; o < n; o++) {
            int k = o;
            double[] ws = wall.stream().mapToDouble((x) -> x[k]).toArray();
            double[] cs = cpu.stream().mapToDouble((x) -> x[k]).toArray();
            double[] ratio = cpu.stream().mapToDouble((x) -> x[k] / x[0]).toArray();
            double[] addedWall = wall.stream().mapToDouble((x) -> x[k] - x[1]).toArray();
            double[] addedCpu = cpu.stream().mapToDouble((x) -> x[k] - x[1]).toArray();
            System.out.printf("%-12s  %s  %s  %5.2f×         %s  %s%n", names[o], q(ws), q(cs), quartiles(ratio)[1],
                    o >= 2 ? q(addedWall) : "          ", o >= 2 ? q(addedCpu) : "");
        }
        fixture.stop();
    }

    private static String q(double[] values) {
        double[] qs = quartiles(values);
        return String.format("%6.3f (%6.3f–%6.3f)", qs[1], qs[0], qs[2]);
    }

    private static double[] quartiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new double[] { sorted[sorted.length / 4], sorted[sorted.length / 2], sorted[sorted.length * 3 / 4] };
    }
}
