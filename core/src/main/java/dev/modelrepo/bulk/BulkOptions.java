package dev.modelrepo.bulk;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Propagation;

import dev.modelrepo.bulk.internal.BulkSettings;
import dev.modelrepo.internal.Arguments;

/**
 * How a bulk operation runs: rows per statement, what to do with elements that do not fit, its transaction, and who
 * hears of its progress.
 * Immutable; every setter returns a new instance:
 * <pre>{@code BulkOptions.defaults().batchSize(5000).onTypeMismatch(TypeMismatch.SKIP)}</pre>
 */
public final class BulkOptions {

    /**
     * Rows per statement (or per JDBC batch) unless given; statements that bind one array per column (PostgreSQL's
     * {@code unnest} and {@code = ANY}) take {@link dev.modelrepo.dialect.BulkSupport#arrayStatementRows()} instead.
     */
    public static final int DEFAULT_BATCH_SIZE = BulkSettings.DEFAULT_BATCH_SIZE;

    private static final BulkOptions DEFAULTS = new BulkOptions(0, TypeMismatch.ERROR, Propagation.REQUIRED, null);

    /** 0 when not given. */
    private final int batchSize;

    private final TypeMismatch onTypeMismatch;

    private final Propagation propagation;

    private final @Nullable ProgressListener progress;

    private BulkOptions(int batchSize, TypeMismatch onTypeMismatch, Propagation propagation, @Nullable ProgressListener progress) {
        this.batchSize = batchSize;
        this.onTypeMismatch = onTypeMismatch;
        this.propagation = propagation;
        this.progress = progress;
    }

    /** Batch size 1000, {@link TypeMismatch#ERROR}, {@link Propagation#REQUIRED}. */
    public static BulkOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The most rows one statement (or one JDBC batch) carries; each database's bind-parameter limit and MySQL's
     * {@code max_allowed_packet} may make statements smaller. PostgreSQL's COPY streams all rows in one statement.
     */
    public BulkOptions batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        return new BulkOptions(batchSize, onTypeMismatch, propagation, progress);
    }

    /** What to do with an element of another type or a value its column cannot hold. */
    public BulkOptions onTypeMismatch(TypeMismatch onTypeMismatch) {
        return new BulkOptions(batchSize, Arguments.notNull(onTypeMismatch, "onTypeMismatch"), propagation, progress);
    }

    /**
     * The transaction the operation runs in: {@link Propagation#REQUIRED} (the default) joins the caller's or opens
     * one, so a failing row rolls everything back; {@link Propagation#REQUIRES_NEW} always runs in its own;
     * {@link Propagation#NOT_SUPPORTED} runs without one, each statement committing on its own (the caller manages
     * consistency; rows of statements that succeeded before a failure stay).
     */
    public BulkOptions propagation(Propagation propagation) {
        return new BulkOptions(batchSize, onTypeMismatch, Arguments.notNull(propagation, "propagation"), progress);
    }

    /**
     * A listener told after each chunk (each statement or JDBC batch; PostgreSQL's COPY: once, at its end) how many
     * elements are done, of how many, and the time since the call began; the row-by-row {@code updateAll} and
     * {@code deleteAll} tell it after each batch size of models. It runs in the call's transaction: if it throws, the
     * call stops with a {@link BulkAbortedException} and its transaction rolls back.
     */
    public BulkOptions progress(ProgressListener listener) {
        return new BulkOptions(batchSize, onTypeMismatch, propagation, Arguments.notNull(listener, "listener"));
    }

    /** Shorthand for {@code propagation(Propagation.REQUIRES_NEW)}: the operation commits or rolls back on its own. */
    public BulkOptions ownTransaction() {
        return propagation(Propagation.REQUIRES_NEW);
    }

    /** The batch size given, or {@link #DEFAULT_BATCH_SIZE}. */
    public int batchSize() {
        return batchSize == 0 ? DEFAULT_BATCH_SIZE : batchSize;
    }

    /** Whether {@link #batchSize(int)} was called: a given size applies to every statement shape. */
    public boolean batchSizeGiven() {
        return batchSize != 0;
    }

    public TypeMismatch onTypeMismatch() {
        return onTypeMismatch;
    }

    public Propagation propagation() {
        return propagation;
    }

    /** The listener of {@link #progress(ProgressListener)}, or null. */
    public @Nullable ProgressListener progress() {
        return progress;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BulkOptions o && o.batchSize == batchSize && o.onTypeMismatch == onTypeMismatch
                && o.propagation == propagation && o.progress == progress;
    }

    @Override
    public int hashCode() {
        return Objects.hash(batchSize, onTypeMismatch, propagation, progress);
    }

    @Override
    public String toString() {
        return "BulkOptions[batchSize=" + (batchSize == 0 ? "default" : String.valueOf(batchSize)) + ", onTypeMismatch=" + onTypeMismatch + ", propagation=" + propagation
                + (progress == null ? "" : ", progress=" + progress) + "]";
    }
}
