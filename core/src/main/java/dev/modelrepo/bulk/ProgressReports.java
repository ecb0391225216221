package dev.modelrepo.bulk;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Propagation;

import dev.modelrepo.bulk.internal.Progress;

/** The engine's progress counts of one call as {@link BulkProgress} for the options' listener, whose failure aborts the call. */
final class ProgressReports {

    private ProgressReports() {
    }

    static @Nullable Progress of(BulkOptions options, String operation, long total) {
        ProgressListener listener = options.progress();
        if (listener == null) {
            return null;
        }
        return new Progress(total, (done, all, nanos) -> {
            try {
                listener.onProgress(new BulkProgress(operation, done, all, Duration.ofNanos(nanos)));
            }
            catch (RuntimeException ex) {
                throw new BulkAbortedException(operation + " was aborted by its progress listener after " + done + " of " + all + " elements ("
                        + ex + "); " + (options.propagation() == Propagation.NOT_SUPPORTED
                                ? "without a transaction (Propagation.NOT_SUPPORTED) the chunks written before stay"
                                : "nothing it wrote is kept: its transaction rolls back"), done, ex);
            }
        });
    }
}
