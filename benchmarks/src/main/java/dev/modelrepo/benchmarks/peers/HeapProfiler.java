package dev.modelrepo.benchmarks.peers;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Peak live heap of an iteration: before it, two full collections give the baseline (what the fixture holds);
 * during it, the heap used after every collection is recorded; the result is the largest of those minus the
 * baseline ({@code ·heap.live.peak}, MB, the maximum over iterations), with the number of collections
 * ({@code ·heap.gcs}). A cursor that keeps what it streamed shows its size here; one that streams in constant
 * memory shows about its fetch buffer. Use with {@code -prof dev.modelrepo.benchmarks.peers.HeapProfiler}, and a
 * fixed young generation small enough for collections to happen during each iteration.
 */
public class HeapProfiler implements InternalProfiler {

    private static final double MB = 1024 * 1024;

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    private final AtomicLong peak = new AtomicLong();

    private final AtomicInteger collections = new AtomicInteger();

    private final List<NotificationEmitter> emitters = new ArrayList<>();

    private long baseline;

    private final NotificationListener listener = (notification, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                MemoryUsage u = e.getValue();
                used += u.getUsed();
            }
        }
        long u = used;
        peak.accumulateAndGet(u, Math::max);
        collections.incrementAndGet();
    };

    @Override
    public String getDescription() {
        return "Peak live heap over the iteration (heap used after each GC, minus the heap after a full GC before it)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        System.gc();
        System.gc();
        baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peak.set(baseline);
        collections.set(0);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            }
            catch (javax.management.ListenerNotFoundException ex) {
                // already gone
            }
        }
        emitters.clear();
        double delta = Math.max(0, peak.get() - baseline) / MB;
        return List.of(new ScalarResult("·heap.live.peak", delta, "MB", AggregationPolicy.MAX),
                new ScalarResult("·heap.gcs", collections.get(), "#", AggregationPolicy.AVG),
                new ScalarResult("·heap.baseline", baseline / MB, "MB", AggregationPolicy.AVG));
    }
}
