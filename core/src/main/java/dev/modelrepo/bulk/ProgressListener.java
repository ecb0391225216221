package dev.modelrepo.bulk;

import java.util.List;
import java.util.function.Consumer;

import dev.modelrepo.internal.Arguments;

/**
 * Told after each chunk of a long bulk call ({@link BulkOptions#progress(ProgressListener)}) or each batch of a
 * batched read ({@link #eachBatch(Consumer)}). It runs inside the call, and in its transaction: an exception it throws
 * aborts the call ({@link BulkAbortedException}) and the transaction rolls back, as for a failing row.
 */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(BulkProgress progress);

    /**
     * The consumer of a {@code forEachBatch} call that reports to this listener after each batch the consumer has
     * handled (rows so far; the total is {@link BulkProgress#UNKNOWN}; elapsed since this method was called):
     * <pre>{@code repo.forEachBatch(query, params, 1000, listener.eachBatch(batch -> export(batch)));}</pre>
     */
    default <T> Consumer<List<T>> eachBatch(Consumer<List<T>> consumer) {
        Arguments.notNull(consumer, "consumer");
        long started = System.nanoTime();
        long[] done = { 0 };
        return batch -> {
            consumer.accept(batch);
            done[0] += batch.size();
            onProgress(new BulkProgress("forEachBatch", done[0], BulkProgress.UNKNOWN, java.time.Duration.ofNanos(System.nanoTime() - started)));
        };
    }
}
