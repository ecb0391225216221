package dev.modelrepo.dialect;

/**
 * PostgreSQL's bulk paths without COPY, for engines on its wire protocol whose COPY differs: inserts take the typed
 * {@code unnest} arrays too ({@code INSERT … SELECT * FROM unnest(?::int8[], ?::text[])}), one statement per chunk in
 * the caller's transaction. CockroachDB documents COPY outside an explicit transaction as committed in batches of 100
 * rows, so a failed row would leave the rows before it stored; modelrepo does not rely on how a transaction changes that.
 */
public class PostgresArrayBulkSupport extends PostgresBulkSupport {

    public PostgresArrayBulkSupport(Dialect dialect) {
        super(dialect);
    }

    @Override
    public InsertMethod insertMethod() {
        return InsertMethod.MULTI_ROW;
    }
}
