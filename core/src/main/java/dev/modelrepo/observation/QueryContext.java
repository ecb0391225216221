package dev.modelrepo.observation;

import org.jspecify.annotations.Nullable;

import io.micrometer.observation.Observation;

/** What one observed statement is: operation, model (table), dialect, query-cache outcome, SQL and row count. */
public class QueryContext extends Observation.Context {

    private final String operation;

    private final String model;

    private final String dialect;

    private final String cache;

    private final String sql;

    private long rows = -1;

    public QueryContext(String operation, String model, String dialect, String cache, String sql) {
        this.operation = operation;
        this.model = model;
        this.dialect = dialect;
        this.cache = cache;
        this.sql = sql;
    }

    /** select, insert, update, delete, insert-bulk, update-bulk, delete-bulk, upsert, native or lock. */
    public String operation() {
        return operation;
    }

    /** The table name in lower case; {@code none} for native SQL. */
    public String model() {
        return model;
    }

    public String dialect() {
        return dialect;
    }

    /** hit, miss or none (statements that do not go through the query cache). */
    public String cache() {
        return cache;
    }

    public String sql() {
        return sql;
    }

    /** Rows returned or affected; -1 when unknown. */
    public long rows() {
        return rows;
    }

    public void setRows(long rows) {
        this.rows = rows;
    }

    /** The error's simple class name, or {@code none}. */
    public String errorName() {
        @Nullable Throwable error = getError();
        return error == null ? "none" : error.getClass().getSimpleName();
    }
}
