package dev.modelrepo.benchmarks.peers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, for runs on a machine other work keeps busy: wall-clock scores then measure the scheduler
 * as much as the code, while CPU time counts only what the benchmark itself spent. {@code ·cpu.worker} is the CPU
 * time of JMH's worker threads per operation; {@code ·cpu.process} that of the whole JVM (garbage collection and the
 * JIT compilers included), both in µs/op. Use with {@code -prof dev.modelrepo.benchmarks.peers.CpuTimeProfiler}.
 */
public class CpuTimeProfiler implements InternalProfiler {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long workerStart;

    private long processStart;

    @Override
    public String getDescription() {
        return "CPU time per operation: JMH's worker threads and the whole JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workerStart = workerCpuTime();
        processStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long worker = workerCpuTime() - workerStart;
        long process = os.getProcessCpuTime() - processStart;
        long ops = Math.max(1, result.getMetadata().getMeasuredOps());
        return List.of(new ScalarResult("cpu.worker", worker / 1_000.0 / ops, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process", process / 1_000.0 / ops, "us/op", AggregationPolicy.AVG));
    }

    /** The CPU time of the threads JMH measures with, alive now (they live from the first iteration to the last). */
    private long workerCpuTime() {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("jmh-worker")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
