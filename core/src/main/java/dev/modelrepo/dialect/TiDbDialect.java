package dev.modelrepo.dialect;

/**
 * TiDB, on MySQL's wire protocol (its version string reads like {@code 8.0.11-TiDB-v7.5.1}). Differs from MySQL 8 where
 * its documentation says so: row locks are FOR UPDATE only (FOR SHARE is a no-op TiDB refuses unless
 * {@code tidb_enable_noop_functions} is on), with NOWAIT but no SKIP LOCKED, which its planner does not take as a
 * lock; and its own conflicts, retried like MySQL's deadlocks: write conflict (9007), write conflict of an optimistic
 * transaction (8005), SELECT FOR UPDATE write conflict (8002), commit failed and rolled back (8022), schema changed
 * during the transaction (8028). Not run in modelrepo's tests: the differences are rendering-tested only.
 */
public class TiDbDialect extends MySqlDialect {

    public static final TiDbDialect INSTANCE = new TiDbDialect();

    private static final ConflictCodes CONFLICTS = MySqlDialect.INSTANCE.conflictCodes().andVendorCodes(9007, 8005, 8002, 8022, 8028);

    protected TiDbDialect() {
        super("tidb");
    }

    private final LockClauses locks = LockClauses.rowLocks(name(), java.util.Map.of(RowLockStrength.UPDATE, "FOR UPDATE"), false,
            java.util.Set.of(LockWaitPolicy.NOWAIT, LockWaitPolicy.SKIP_LOCKED))
            .withoutSkipLocked("on TiDB, whose planner does not lock rows by it");

    /** FOR UPDATE with NOWAIT. */
    @Override
    public LockClauses locks() {
        return locks;
    }

    @Override
    public ConflictCodes conflictCodes() {
        return CONFLICTS;
    }
}
