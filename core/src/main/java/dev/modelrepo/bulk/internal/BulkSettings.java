package dev.modelrepo.bulk.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Propagation;

/**
 * The options of one bulk call as the engine reads them, made by the facade from its public options.
 *
 * @param batchSize the most rows of one statement (or JDBC batch)
 * @param batchSizeGiven whether the caller chose it: then it also applies to the shapes that bind one array per column
 * @param skipMismatches leave out elements that do not fit instead of raising {@link MismatchedElement}
 * @param propagation the transaction the operation runs in
 * @param progress told after each chunk, or null
 */
public record BulkSettings(int batchSize, boolean batchSizeGiven, boolean skipMismatches, Propagation propagation, @Nullable Progress progress) {

    public BulkSettings(int batchSize, boolean batchSizeGiven, boolean skipMismatches, Propagation propagation) {
        this(batchSize, batchSizeGiven, skipMismatches, propagation, null);
    }

    /** Reports {@code done} elements handled, when someone listens. */
    void progressTo(long done) {
        if (progress != null) {
            progress.advanceTo(done);
        }
    }

    /** Reports {@code rows} more elements handled, when someone listens. */
    void progressBy(long rows) {
        if (progress != null) {
            progress.advance(rows);
        }
    }

    /** Reports every element handled, when someone listens. */
    void progressDone() {
        if (progress != null) {
            progress.finish();
        }
    }

    /** Rows per statement unless given. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    /** The default options, for the engine's own inner work. */
    static final BulkSettings DEFAULTS = new BulkSettings(DEFAULT_BATCH_SIZE, false, false, Propagation.REQUIRED);
}
