package dev.modelrepo.bulk;

import java.util.List;

import dev.modelrepo.bulk.internal.BulkEngine;
import dev.modelrepo.bulk.internal.BulkSettings;
import dev.modelrepo.bulk.internal.ModelBulk;
import dev.modelrepo.internal.Arguments;
import dev.modelrepo.model.Cascade;
import dev.modelrepo.model.Model;
import dev.modelrepo.repository.internal.FacadeFactory;
import dev.modelrepo.repository.internal.RepositoryContext;

/**
 * Bulk INSERT, UPDATE, DELETE and upsert over one repository, each in the database's fastest shape. Get it from
 * {@code repo.bulk()} (or inject the bean).
 * <ul>
 * <li>{@code insertAll}, {@code updateAll}, {@code deleteAll} write models as {@code save}/{@code destroy} do:
 * {@code validate()} first (no model is written unless all are valid), hooks and listeners around, the stored row
 * (key, defaults, timestamps) written back into each model, the version checked. A failure restores the models.</li>
 * <li>{@code insertBulk}, {@code updateBulk}, {@code deleteBulk}, {@code upsertBulk} are the fast path: rows are
 * models or {@code Map}s keyed by column name, nothing is read back, and no validation, hook or listener runs; only
 * created_at/updated_at are maintained. They return row counts.</li>
 * </ul>
 * Everything runs in the {@link BulkOptions#propagation(org.springframework.transaction.annotation.Propagation)
 * options' transaction} (by default joining the caller's or opening one), so a failing row rolls the whole
 * operation back; the {@link BulkOperationException} names the row's index and carries the database's error. A lock
 * or serialization conflict (SQLite's busy database, a lock timeout, a deadlock) is raised as that conflict instead,
 * a {@link org.springframework.dao.CannotAcquireLockException} say, its message naming the operation and element, so
 * that {@code retryOnConflict} retries it. Unknown column names fail before any SQL is sent.
 * <p>
 * The models given follow the transaction as with {@code save} and {@code destroy}: when it, or the savepoint the call
 * ran in, rolls back (also the operation's own transaction), each gets back the key, new-ness, values, dirty flags,
 * version and frozen flag it had before the call, so the same call can be made again. Without a transaction
 * ({@code NOT_SUPPORTED}) each statement commits on its own, and the models of the statements that succeeded keep what
 * they were given.
 */
public final class BulkOperations {

    static {
        FacadeFactory.install(BulkOperations.class, new FacadeFactory<BulkOperations, BulkOptions>() {
            @Override
            public BulkOperations create(RepositoryContext context, BulkOptions defaults) {
                return new BulkOperations(new BulkEngine(context.registry(), context.dialect(), context.executor(),
                        context.persistence(), context.writer(), context.clock(), context.transactionManager()), defaults);
            }
        });
    }

    private final BulkEngine engine;

    private final ModelBulk models;

    private final BulkOptions defaults;

    private BulkOperations(BulkEngine engine, BulkOptions defaults) {
        this.engine = engine;
        this.models = new ModelBulk(engine);
        this.defaults = Arguments.notNull(defaults, "defaults");
    }

    /**
     * The options of calls that give none. A batch size set in them also applies to calls whose options set none
     * (options made from {@link BulkOptions#defaults()}).
     */
    public BulkOptions defaults() {
        return defaults;
    }

    /** The options as the engine reads them, a batch size of the defaults taking the place of one not given. */
    /** The settings of one call of {@code operation} ("insertBulk of User") over {@code total} elements. */
    private BulkSettings effective(BulkOptions options, String operation, int total) {
        Arguments.notNull(options, "options");
        BulkOptions o = options.batchSizeGiven() || !defaults.batchSizeGiven() ? options : options.batchSize(defaults.batchSize());
        return new BulkSettings(o.batchSize(), o.batchSizeGiven(), o.onTypeMismatch() == TypeMismatch.SKIP, o.propagation(),
                ProgressReports.of(o, operation, total));
    }

    private BulkSettings effective(BulkOptions options, String operation, Class<?> type, List<?> rows) {
        return effective(options, operation + " of " + type.getSimpleName(), rows.size());
    }

    private BulkSettings effective(BulkOptions options, String operation, List<? extends Model> models) {
        return effective(options, models.isEmpty() ? operation : operation + " of " + models.get(0).getClass().getSimpleName(), models.size());
    }

    // ------------------------------------------------------------ insert

    /** {@link #insertAll(List, BulkOptions)} with default options. */
    public <M extends Model> List<M> insertAll(List<M> models) {
        return insertAll(models, defaults);
    }

    /**
     * INSERTs new models, writing each one's stored row back (generated key, defaults, created_at/updated_at), in as
     * few statements as the database allows, chunked by the batch size. Every model is validated first: if any is
     * invalid, nothing is written and {@link BulkValidationException} names each invalid model's index and errors.
     * Then each model's {@code beforeInsert} hook and listeners run, the rows are inserted, and the
     * {@code afterInsert} hooks and listeners run. Models of several classes may be mixed.
     * @return the same list, its models now stored
     */
    public <M extends Model> List<M> insertAll(List<M> models, BulkOptions options) {
        List<M> checked = Arguments.notNull(models, "models");
        return BulkErrors.translating(() -> this.models.insertAll(checked, effective(options, "insertAll", checked)));
    }

    /** {@link #insertBulk(Class, List, List, BulkOptions)} with default options. */
    public int insertBulk(Class<? extends Model> type, List<String> columns, List<?> rows) {
        return insertBulk(type, columns, rows, defaults);
    }

    /**
     * INSERTs rows (models of {@code type} or Maps by column name; a missing key is NULL) of these columns the
     * fastest way the database has: PostgreSQL {@code COPY} (streamed), MySQL/MariaDB multi-row VALUES within
     * {@code max_allowed_packet}, H2 and SQLite one prepared statement batched. created_at/updated_at are added
     * when the table has them and they are not listed. No validation, hooks or listeners; nothing is read back.
     * @return the number of rows inserted (elements skipped for a type mismatch excluded)
     */
    public int insertBulk(Class<? extends Model> type, List<String> columns, List<?> rows, BulkOptions options) {
        checkRows(type, columns, rows);
        return BulkErrors.translating(() -> engine.insertBulk(type, columns, rows, effective(options, "insertBulk", type, rows)));
    }

    // ------------------------------------------------------------ update

    /** {@link #updateAll(List, BulkOptions)} with default options. */
    public <M extends Model> List<M> updateAll(List<M> models) {
        return updateAll(models, defaults);
    }

    /**
     * UPDATEs each stored model's dirty columns as {@code save} does (updated_at, version check, hooks and
     * listeners), after validating them all: if any is invalid, nothing is written.
     */
    public <M extends Model> List<M> updateAll(List<M> models, BulkOptions options) {
        List<M> checked = Arguments.notNull(models, "models");
        return BulkErrors.translating(() -> this.models.updateAll(checked, effective(options, "updateAll", checked)));
    }

    /** {@link #updateBulk(Class, List, List, BulkOptions)} with default options. */
    public int updateBulk(Class<? extends Model> type, List<String> columns, List<?> rows) {
        return updateBulk(type, columns, rows, defaults);
    }

    /**
     * UPDATEs these columns of each row by its primary key, set-based, one statement per chunk (PostgreSQL
     * {@code UPDATE … FROM unnest(…)}, SQLite {@code UPDATE … FROM (VALUES …)}, MySQL {@code JOIN (VALUES ROW …)},
     * MariaDB {@code JOIN} a CTE of VALUES, H2 a batch). The key and created_at are never updated, updated_at always
     * is (to now). With a version column ({@code @Table(version = …)}) each row must still have the version the
     * element carries; it is incremented. No hooks or listeners. Models given get the new updated_at and version.
     * @return the number of rows updated
     * @throws org.springframework.dao.OptimisticLockingFailureException when a versioned row was changed or deleted
     * meanwhile: the message names their keys, and the transaction is rolled back (nothing is overwritten)
     */
    public int updateBulk(Class<? extends Model> type, List<String> columns, List<?> rows, BulkOptions options) {
        checkRows(type, columns, rows);
        return BulkErrors.translating(() -> engine.updateBulk(type, columns, rows, effective(options, "updateBulk", type, rows)));
    }

    // ------------------------------------------------------------ delete

    /** {@link #deleteAll(List, Cascade, BulkOptions)} without cascade and with default options. */
    public <M extends Model> List<M> deleteAll(List<M> models) {
        return deleteAll(models, Cascade.NONE, defaults);
    }

    /** {@link #deleteAll(List, Cascade, BulkOptions)} with default options. */
    public <M extends Model> List<M> deleteAll(List<M> models, Cascade cascade) {
        return deleteAll(models, cascade, defaults);
    }

    /** Destroys each model as {@code destroy} does (hooks, listeners, version check, cascade), in one transaction. */
    public <M extends Model> List<M> deleteAll(List<M> models, Cascade cascade, BulkOptions options) {
        Arguments.notNull(models, "models");
        Arguments.notNull(cascade, "cascade");
        return BulkErrors.translating(() -> this.models.deleteAll(models, cascade, effective(options, "deleteAll", models)));
    }

    /** {@link #deleteBulk(Class, List, BulkOptions)} with default options. */
    public int deleteBulk(Class<? extends Model> type, List<?> rows) {
        return deleteBulk(type, rows, defaults);
    }

    /**
     * DELETEs the rows of these models (or Maps holding the key) by primary key: PostgreSQL and H2 {@code = ANY(?)}
     * with one array per chunk, others IN lists of at most the batch size. No hooks, listeners, cascade or version
     * check; the models given are frozen.
     * @return the number of rows deleted
     */
    public int deleteBulk(Class<? extends Model> type, List<?> rows, BulkOptions options) {
        Arguments.notNull(type, "type");
        Arguments.notNull(rows, "rows");
        return BulkErrors.translating(() -> engine.deleteBulk(type, rows, effective(options, "deleteBulk", type, rows)));
    }

    // ------------------------------------------------------------ upsert

    /** {@link #upsert(Model, List)} on the primary key. */
    public <M extends Model> M upsert(M model) {
        return upsert(model, List.of());
    }

    /**
     * INSERTs the model's set columns, or UPDATEs them where a row with the same {@code conflictColumns} values
     * exists (created_at is kept, updated_at set, the version incremented), then reads the stored row back into
     * the model by those values. Runs {@code validate()} (raising {@link dev.modelrepo.model.ModelValidationException}),
     * but no hooks or listeners: it cannot tell an insert from an update.
     */
    public <M extends Model> M upsert(M model, List<String> conflictColumns) {
        Arguments.notNull(model, "model");
        Arguments.notNull(conflictColumns, "conflictColumns");
        return BulkErrors.translating(() -> models.upsert(model, conflictColumns));
    }

    /** {@link #upsertBulk(Class, List, List, List, BulkOptions)} with default options. */
    public int upsertBulk(Class<? extends Model> type, List<String> columns, List<?> rows, List<String> conflictColumns) {
        return upsertBulk(type, columns, rows, conflictColumns, defaults);
    }

    /**
     * INSERTs the rows, updating the listed columns (except the conflict columns, the key and created_at; with
     * updated_at and the version incremented) of rows that conflict: PostgreSQL and SQLite
     * {@code ON CONFLICT (conflictColumns) DO UPDATE}, MySQL {@code ON DUPLICATE KEY UPDATE} with a row alias,
     * MariaDB with {@code VALUES(c)}, H2 {@code MERGE … USING}. MySQL and MariaDB take any unique key as the
     * conflict, not only {@code conflictColumns}.
     * @return the database's count: PostgreSQL, SQLite and H2 count each row inserted or updated once; MySQL and
     * MariaDB count an inserted row 1 and an updated row 2
     */
    public int upsertBulk(Class<? extends Model> type, List<String> columns, List<?> rows, List<String> conflictColumns,
            BulkOptions options) {
        checkRows(type, columns, rows);
        Arguments.notNull(conflictColumns, "conflictColumns");
        return BulkErrors.translating(() -> engine.upsertBulk(type, columns, rows, conflictColumns, effective(options, "upsertBulk", type, rows)));
    }

    private static void checkRows(Class<? extends Model> type, List<String> columns, List<?> rows) {
        Arguments.notNull(type, "type");
        Arguments.notNull(columns, "columns");
        Arguments.notNull(rows, "rows");
    }
}
