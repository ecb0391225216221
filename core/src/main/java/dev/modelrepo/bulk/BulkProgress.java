package dev.modelrepo.bulk;

import java.time.Duration;

/**
 * How far a long bulk call (or a batched read) has got, handed to a {@link ProgressListener} after each chunk.
 *
 * @param operation what runs, e.g. {@code "insertBulk of User"}
 * @param done the elements handled so far (written, or skipped as mismatched), increasing from call to call
 * @param total the elements of the call, or {@link #UNKNOWN} (a batched read does not know its row count)
 * @param elapsed the time since the call began
 */
public record BulkProgress(String operation, long done, long total, Duration elapsed) {

    /** The {@link #total()} of a call that does not know it. */
    public static final long UNKNOWN = -1;

    /** Whether {@link #total()} is known. */
    public boolean totalKnown() {
        return total >= 0;
    }

    @Override
    public String toString() {
        return operation + ": " + done + (totalKnown() ? " of " + total : "") + " in " + elapsed.toMillis() + " ms";
    }
}
