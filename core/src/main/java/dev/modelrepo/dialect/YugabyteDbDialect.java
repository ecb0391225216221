package dev.modelrepo.dialect;

/**
 * YugabyteDB's YSQL, on PostgreSQL's wire protocol (its version string reads like {@code 11.2-YB-2.20.1.0-b0}).
 * Conflicts abort with 40001 (and deadlocks with 40P01), which the retries handle. Its COPY may commit in batches of
 * rows of its own, so inserts in bulk take the {@code unnest} path. Not run in modelrepo's tests: the differences are
 * rendering-tested only.
 */
public class YugabyteDbDialect extends PostgresDialect {

    public static final YugabyteDbDialect INSTANCE = new YugabyteDbDialect();

    protected YugabyteDbDialect() {
        super("yugabytedb");
    }

    private final BulkSupport bulkSupport = new PostgresArrayBulkSupport(this);

    @Override
    public BulkSupport bulk() {
        return bulkSupport;
    }
}
