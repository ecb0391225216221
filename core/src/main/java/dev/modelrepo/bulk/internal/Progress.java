package dev.modelrepo.bulk.internal;

/**
 * Counts the elements one bulk call has handled and reports after each chunk, never twice for the same count: the
 * facade makes one per call around the user's listener.
 */
public final class Progress {

    /** Where the counts go. */
    @FunctionalInterface
    public interface Report {
        void report(long done, long total, long elapsedNanos);
    }

    private final Report report;

    private final long total;

    private final long started = System.nanoTime();

    private long done;

    public Progress(long total, Report report) {
        this.total = total;
        this.report = report;
    }

    /** Reports {@code done} elements handled when that is more than reported so far. */
    void advanceTo(long done) {
        if (done > this.done) {
            this.done = done;
            report.report(done, total, System.nanoTime() - started);
        }
    }

    /** Reports {@code rows} more elements handled. */
    void advance(long rows) {
        advanceTo(done + rows);
    }

    /** Reports every element handled (the ones a fast path handed the database at once, say). */
    void finish() {
        advanceTo(total);
    }
}
