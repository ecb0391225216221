package dev.modelrepo.benchmarks.peers;

import java.util.List;

import org.openjdk.jmh.infra.Blackhole;

import dev.modelrepo.benchmarks.PairedRounds;

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
        PairedRounds.Op[] ops = { () -> b.findById_jdbc(bh), () -> b.findById_modelrepo(bh), () -> b.findById_modelrepoBare(bh),
                () -> b.findById_modelrepoQueryMeters(bh), () -> b.findById_modelrepoBootDefault(bh) };
        int n = ops.length;
        PairedRounds.Times times = PairedRounds.run(ops, 30, rounds, perRound, () -> { });
        List<double[]> wall = times.wall();
        List<double[]> cpu = times.cpu();
        System.out.printf("%d rounds of %d statements per contender, load before/after: see uptime%n", rounds, perRound);
        System.out.println("contender     wall µs (IQR)          cpu µs (IQR)           vs JDBC (cpu)  added (wall, IQR)     added (cpu, IQR)");
        for (int o = 0; o < n; o++) {
            int k = o;
            double[] ws = wall.stream().mapToDouble((x) -> x[k]).toArray();
            double[] cs = cpu.stream().mapToDouble((x) -> x[k]).toArray();
            double[] ratio = cpu.stream().mapToDouble((x) -> x[k] / x[0]).toArray();
            double[] addedWall = wall.stream().mapToDouble((x) -> x[k] - x[1]).toArray();
            double[] addedCpu = cpu.stream().mapToDouble((x) -> x[k] - x[1]).toArray();
            System.out.printf("%-12s  %s  %s  %5.2f×         %s  %s%n", names[o], q(ws), q(cs), PairedRounds.quartiles(ratio)[1],
                    o >= 2 ? q(addedWall) : "          ", o >= 2 ? q(addedCpu) : "");
        }
        fixture.stop();
    }

    private static String q(double[] values) {
        double[] qs = PairedRounds.quartiles(values);
        return String.format("%6.3f (%6.3f–%6.3f)", qs[1], qs[0], qs[2]);
    }
}
