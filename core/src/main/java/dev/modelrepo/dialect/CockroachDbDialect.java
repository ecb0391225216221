package dev.modelrepo.dialect;

/**
 * CockroachDB, on PostgreSQL's wire protocol (pgjdbc reports it as PostgreSQL 13; the server's {@code crdb_version}
 * parameter tells it apart). Every transaction is SERIALIZABLE and contention aborts one with 40001, which
 * {@code retryOnConflict} and {@code @RetryOnConflict} retry; an ambiguous commit (40003) is never retried. Inserts in
 * bulk take the {@code unnest} path, not COPY. Not run in modelrepo's tests: the differences are rendering-tested only.
 */
public class CockroachDbDialect extends PostgresDialect {

    public static final CockroachDbDialect INSTANCE = new CockroachDbDialect();

    protected CockroachDbDialect() {
        super("cockroachdb");
    }

    private final BulkSupport bulkSupport = new PostgresArrayBulkSupport(this);

    @Override
    public BulkSupport bulk() {
        return bulkSupport;
    }
}
