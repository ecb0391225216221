package dev.modelrepo.dialect;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueBinder;

/**
 * PostgreSQL behind Apache ShardingSphere-JDBC (5.5), which reports the storage's product name, so it is detected by
 * its connection class. Its connections create no JDBC arrays and its router splits only statements whose rows it can
 * see: IN lists are padded lists of binds instead of {@code = ANY(?)}, array columns are bound as text literals, and
 * bulk writes take {@link ShardingSphereBulkSupport}'s batch and multi-row paths instead of COPY and {@code unnest};
 * SKIP LOCKED, which its parser rejects, is refused before any SQL; an UPDATE reads its row back with a SELECT by key.
 */
public class ShardingSpherePostgresDialect extends PostgresDialect {

    public static final ShardingSpherePostgresDialect INSTANCE = new ShardingSpherePostgresDialect();

    protected ShardingSpherePostgresDialect() {
        super("shardingsphere-postgresql");
    }

    @Override
    public InListStrategy inListStrategy() {
        return InListStrategy.PADDED;
    }

    /**
     * An UPDATE by key that does not name the sharding key runs on every shard, and ShardingSphere hands back the
     * RETURNING rows of one of them, possibly an empty one: the update count and a SELECT by key read the row instead.
     */
    @Override
    public @Nullable String updateReturning(String updateSql, String columns) {
        return null;
    }

    @Override
    public ValueBinder binder(ColumnKind kind, @Nullable ColumnMetadata column) {
        if (kind == ColumnKind.ARRAY) {
            return PostgresTypes.ARRAY_LITERAL;
        }
        return super.binder(kind, column);
    }

    private final LockClauses locks = LockClauses.rowLocks(name(), java.util.Map.of(RowLockStrength.UPDATE, "FOR UPDATE",
            RowLockStrength.SHARE, "FOR SHARE", RowLockStrength.NO_KEY_UPDATE, "FOR NO KEY UPDATE",
            RowLockStrength.KEY_SHARE, "FOR KEY SHARE"), true, java.util.Set.of(LockWaitPolicy.NOWAIT, LockWaitPolicy.SKIP_LOCKED))
            .withoutSkipLocked("through ShardingSphere 5.5, whose PostgreSQL parser rejects it")
            .notingBeginModes(" (a SQLite transaction mode)");

    /** PostgreSQL's lock clauses but SKIP LOCKED, refused before any SQL. */
    @Override
    public LockClauses locks() {
        return locks;
    }

    private final BulkSupport bulkSupport = new ShardingSphereBulkSupport(this);

    @Override
    public BulkSupport bulk() {
        return bulkSupport;
    }
}
