package dev.modelrepo.bulk.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;

import dev.modelrepo.bulk.BulkOptions;
import dev.modelrepo.bulk.TypeMismatch;
import dev.modelrepo.dialect.BulkSupport;
import dev.modelrepo.dialect.BulkSupport.Statement;
import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.internal.write.ModelPersistence;
import dev.modelrepo.internal.write.ModelWriter;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.types.ValueConverter;

/**
 * The fast-path bulk writes ({@code insertBulk}, {@code updateBulk}, {@code deleteBulk}, {@code upsertBulk}): resolves
 * columns, adds timestamps, reads the elements as rows, chunks them by batch size, bind limit and packet size, and
 * runs each chunk in the statement shape of the dialect's {@link BulkSupport}, all inside the options' transaction.
 */
public final class BulkEngine {

    static final ModelAccess ACCESS = ModelAccess.get();

    final ModelRegistry registry;

    final Dialect dialect;

    final BulkSupport support;

    final StatementExecutor executor;

    final ModelPersistence persistence;

    final ModelWriter writer;

    final Clock clock;

    private final BulkTransactions transactions;

    private volatile long packetLimit = -1;

    public BulkEngine(ModelRegistry registry, Dialect dialect, StatementExecutor executor, ModelPersistence persistence,
            ModelWriter writer, Clock clock, PlatformTransactionManager transactionManager) {
        this.registry = registry;
        this.dialect = dialect;
        this.support = dialect.bulk();
        this.executor = executor;
        this.persistence = persistence;
        this.writer = writer;
        this.clock = clock;
        this.transactions = new BulkTransactions(transactionManager, executor);
    }

    // ------------------------------------------------------------ insertBulk

    public int insertBulk(Class<? extends Model> type, List<String> names, List<?> rows, BulkOptions options) {
        ModelInfo info = writableInfo(type, "insertBulk");
        String label = "insertBulk of " + info.name();
        Columns columns = Columns.of(info, names, label);
        columns.addTimestamps(info, now());
        RowSource source = columns.source(label, type, rows, options.onTypeMismatch());
        String table = writer.table(info);
        StatementExecutor.Op op = StatementExecutor.Op.of("insert-bulk", info.metadata().name());
        return inTransaction(label, options, () -> {
            if (support.insertMethod() == BulkSupport.InsertMethod.COPY) {
                long copied = copy(label, table, columns.list, source, op, rows.size());
                if (copied >= 0) {
                    return (int) copied;
                }
            }
            return writeAll(label, op, source, n -> support.insert(table, columns.list, n), columns.list, List.of(), new Object[0],
                    options, null);
        });
    }

    private long copy(String label, String table, List<ColumnMetadata> columns, RowSource source, StatementExecutor.Op op, int total) {
        try {
            return executor.withConnection("COPY " + table + " FROM STDIN", op, c -> support.copyIn(c, table, columns, source));
        }
        catch (DataAccessException ex) {
            java.sql.SQLException sql = ChunkWriter.sqlCause(ex);
            if (sql == null) {
                throw ex;
            }
            int row = support.failedRow(sql, columns, null);
            throw ChunkWriter.failure(label, ex, sql, row < 0 ? -1 : source.indexOfRow(row), 0, total);
        }
    }

    // ------------------------------------------------------------ updateBulk

    public int updateBulk(Class<? extends Model> type, List<String> names, List<?> rows, BulkOptions options) {
        ModelInfo info = writableInfo(type, "updateBulk");
        String label = "updateBulk of " + info.name();
        ColumnMetadata key = requireKey(info, label);
        ColumnMetadata version = ModelWriter.version(info);
        ColumnMetadata createdAt = info.metadata().column(info.table().createdAt());
        ColumnMetadata touched = timestamp(info.metadata().column(info.table().updatedAt()));
        Columns requested = Columns.of(info, names, label);
        // the key and created_at are never updated, updated_at always is (to now), the version is incremented
        Columns row = Columns.of(info, List.of(key.name()), label);
        for (int i = 0; i < requested.list.size(); i++) {
            ColumnMetadata c = requested.list.get(i);
            if (c != key && c != createdAt && c != touched && c != version) {
                row.add(c, requested.keys.get(i), RowSource.FROM_ELEMENT);
            }
        }
        List<ColumnMetadata> set = row.list.subList(1, row.list.size()).stream().toList();
        if (version != null) {
            row.add(version, version.name(), RowSource.FROM_ELEMENT);
        }
        if (set.isEmpty() && touched == null && version == null) {
            throw new InvalidDataAccessApiUsageException(label + ": nothing to update in " + names + " (the key and "
                    + info.table().createdAt() + " are never updated)");
        }
        Object now = touched == null ? null : ValueConverter.convert(clock.instant(), touched.kind());
        RowSource source = row.source(label, type, rows, options.onTypeMismatch());
        String table = writer.table(info);
        StatementExecutor.Op op = StatementExecutor.Op.of("update-bulk", info.metadata().name());
        WrittenModels written = new WrittenModels(rows, model -> {
            if (touched != null) {
                ACCESS.write(model, touched.name(), now);
            }
            if (version != null && model.get(version.name()) instanceof Number v) {
                ACCESS.write(model, version.name(), ValueConverter.convert(v.longValue() + 1, version.kind()));
            }
        });
        Map<Object, Integer> seen = new HashMap<>();
        ChunkHook checks = new ChunkHook() {
            @Override
            public void before(Chunk chunk) {
                for (int r = 0; r < chunk.size(); r++) {
                    Integer before = seen.put(chunk.value(r, 0), chunk.index(r));
                    if (before != null) {
                        throw new InvalidDataAccessApiUsageException(label + ": elements " + before + " and " + chunk.index(r)
                                + " have the same key " + key.name() + "=" + chunk.value(r, 0));
                    }
                }
                if (version != null) {
                    List<Object> stale = staleKeys(info, key, version, chunk, 0);
                    if (!stale.isEmpty()) {
                        throw stale(label, key, version, stale);
                    }
                }
            }

            @Override
            public void after(Chunk chunk, int updated) {
                if (version != null && updated < chunk.size()) {
                    // changed between the check and the update: the rows we did not update kept another version
                    throw stale(label, key, version, staleKeys(info, key, version, chunk, 1));
                }
                written.written(chunk);
            }
        };
        return inTransaction(label, options, () -> {
            int n = writeAll(label, op, source, c -> support.update(table, key, set, version, touched, c), row.list,
                    touched == null ? List.of() : List.of(touched), new Object[] { now }, options, checks);
            written.finish();
            return n;
        });
    }

    /**
     * The keys of the chunk's rows whose stored version is not the element's version plus {@code increment} (0 before
     * the update: changed meanwhile; 1 after it: not updated), or that no longer exist.
     */
    private List<Object> staleKeys(ModelInfo info, ColumnMetadata key, ColumnMetadata version, Chunk chunk, int increment) {
        Map<Object, Object> expected = new LinkedHashMap<>();
        int versionAt = chunk.width() - 1;
        for (int r = 0; r < chunk.size(); r++) {
            Object v = chunk.value(r, versionAt);
            expected.put(chunk.value(r, 0), v instanceof Number n ? n.longValue() + increment : null);
        }
        Map<Object, Long> stored = new HashMap<>();
        List<Object> keys = new ArrayList<>(expected.keySet());
        int step = Math.min(1000, support.maxBindParameters());
        for (int from = 0; from < keys.size(); from += step) {
            List<Object> part = keys.subList(from, Math.min(keys.size(), from + step));
            String sql = "SELECT " + dialect.quote(key.storedName()) + ", " + dialect.quote(version.storedName()) + " FROM "
                    + writer.table(info) + " WHERE " + dialect.quote(key.storedName()) + " IN (" + String.join(", ",
                            java.util.Collections.nCopies(part.size(), "?")) + ")";
            ValueBinder[] binders = java.util.Collections.nCopies(part.size(), key.binder()).toArray(ValueBinder[]::new);
            executor.query(new BoundStatement(sql, binders, part.toArray()), StatementExecutor.Op.of("select", info.metadata().name()), rs -> {
                while (rs.next()) {
                    stored.put(key.reader().read(rs, 1), rs.getLong(2));
                }
                return null;
            });
        }
        List<Object> stale = new ArrayList<>();
        expected.forEach((k, v) -> {
            if (v == null || !v.equals(stored.get(k))) {
                stale.add(k);
            }
        });
        return stale;
    }

    private static OptimisticLockingFailureException stale(String label, ColumnMetadata key, ColumnMetadata version, List<Object> keys) {
        return new OptimisticLockingFailureException(label + ": " + (keys.isEmpty() ? "some" : keys.size()) + " row(s) were changed or"
                + " deleted by another transaction (" + version.name() + " is stale)" + (keys.isEmpty() ? "" : ", " + key.name() + " "
                + abbreviate(keys)) + "; nothing was overwritten and the transaction is rolled back: reload them and try again");
    }

    // ------------------------------------------------------------ deleteBulk

    public int deleteBulk(Class<? extends Model> type, List<?> rows, BulkOptions options) {
        ModelInfo info = writableInfo(type, "deleteBulk");
        String label = "deleteBulk of " + info.name();
        ColumnMetadata key = requireKey(info, label);
        Columns columns = Columns.of(info, List.of(key.name()), label);
        RowSource source = columns.source(label, type, rows, options.onTypeMismatch());
        String table = writer.table(info);
        StatementExecutor.Op op = StatementExecutor.Op.of("delete-bulk", info.metadata().name());
        WrittenModels deleted = new WrittenModels(rows, ACCESS::freeze);
        return inTransaction(label, options, () -> {
            int n = writeAll(label, op, source, c -> support.delete(table, key, c), columns.list, List.of(), new Object[0], options,
                    (ChunkHook.After) (chunk, affected) -> deleted.written(chunk));
            deleted.finish();
            return n;
        });
    }

    // ------------------------------------------------------------ upsertBulk

    public int upsertBulk(Class<? extends Model> type, List<String> names, List<?> rows, List<String> conflictNames, BulkOptions options) {
        ModelInfo info = writableInfo(type, "upsertBulk");
        String label = "upsertBulk of " + info.name();
        Columns columns = Columns.of(info, names, label);
        if (conflictNames.isEmpty()) {
            throw new InvalidDataAccessApiUsageException(label + " needs conflict columns (a unique key among " + names + ")");
        }
        List<ColumnMetadata> conflict = new ArrayList<>();
        for (String name : conflictNames) {
            ColumnMetadata c = info.metadata().column(name);
            if (c == null) {
                throw UnknownColumnException.of(info.name(), name, info.metadata().columnNames());
            }
            if (!columns.list.contains(c)) {
                throw new InvalidDataAccessApiUsageException(label + ": conflict column '" + name + "' must be one of the columns " + names);
            }
            conflict.add(c);
        }
        columns.addTimestamps(info, now());
        ColumnMetadata version = ModelWriter.version(info);
        ColumnMetadata createdAt = info.metadata().column(info.table().createdAt());
        List<ColumnMetadata> update = columns.list.stream()
                .filter(c -> !conflict.contains(c) && !c.primaryKey() && c != createdAt && c != version).toList();
        RowSource source = columns.source(label, type, rows, options.onTypeMismatch());
        String table = writer.table(info);
        StatementExecutor.Op op = StatementExecutor.Op.of("upsert", info.metadata().name());
        return inTransaction(label, options, () -> writeAll(label, op, source, n -> support.upsert(table, columns.list, conflict, update, version, n),
                columns.list, List.of(), new Object[0], options, null));
    }

    // ------------------------------------------------------------ shared

    /** Called around each chunk's statement (inside the transaction). */
    interface ChunkHook {

        default void before(Chunk chunk) {
        }

        void after(Chunk chunk, int affected);

        /** A hook that only looks at the affected count. */
        @FunctionalInterface
        interface After extends ChunkHook {
        }
    }

    /** Runs the shape chunk by chunk over all rows of the source; returns the summed affected count. */
    int writeAll(String label, StatementExecutor.Op op, RowSource source, IntFunction<Statement> shapes, List<ColumnMetadata> columns,
            List<ColumnMetadata> scalarColumns, @Nullable Object[] scalars, BulkOptions options, @Nullable ChunkHook hook) {
        Statement first = shapes.apply(1);
        int maxRows = rowsPerStatement(first, columns.size(), scalars.length, options);
        long budget = first.bindsPerRow() && packetLimit() > 0 ? packetLimit() * 3 / 4 - 4096 : Long.MAX_VALUE;
        ChunkWriter chunkWriter = new ChunkWriter(executor, support, label, op, shapes, columns, scalarColumns, scalars);
        Chunk chunk = new Chunk(columns.size(), maxRows);
        if (first.batched()) {
            // one prepared statement for the whole operation, one JDBC batch per chunk
            return chunkWriter.updateBatched(chunk, c -> {
                c.clear();
                while (c.size() < maxRows && c.add(source)) {
                    // reads up to a batch
                }
                return c.size() > 0;
            }, hook);
        }
        int total = 0;
        boolean more = true;
        while (more) {
            chunk.clear();
            long bytes = first.sql().length();
            while (chunk.size() < maxRows && bytes < budget) {
                if (!chunk.add(source)) {
                    more = false;
                    break;
                }
                if (budget != Long.MAX_VALUE) {
                    bytes += PacketSize.of(chunk, chunk.size() - 1);
                }
            }
            if (chunk.size() > 0) {
                if (hook != null) {
                    hook.before(chunk);
                }
                int n = chunkWriter.update(chunk);
                total += n;
                if (hook != null) {
                    hook.after(chunk, n);
                }
            }
        }
        return total;
    }

    /** Rows per statement: the batch size (array shapes: their own default), within the bind-parameter limit for shapes that bind each row. */
    int rowsPerStatement(Statement shape, int width, int scalars, BulkOptions options) {
        int rows = options.batchSize();
        if (shape.bindsPerRow()) {
            rows = Math.min(rows, Math.max(1, (support.maxBindParameters() - scalars) / Math.max(1, width)));
        }
        if (shape.slots().contains(BulkSupport.Slot.ARRAYS)) {
            rows = Math.min(options.batchSizeGiven() ? rows : support.arrayStatementRows(), support.maxArrayLength());
        }
        return rows;
    }

    /** The server's packet limit in bytes, read once; 0 when none applies. */
    long packetLimit() {
        long limit = packetLimit;
        if (limit < 0) {
            String query = support.packetLimitQuery();
            limit = query == null ? 0 : executor.query(new BoundStatement(query, new ValueBinder[0], new Object[0]),
                    StatementExecutor.Op.of("select", "bulk"), rs -> rs.next() ? rs.getLong(1) : 0L);
            packetLimit = limit;
        }
        return limit;
    }

    /** Runs the work of operation {@code label} ("insertBulk of User") in the options' transaction. */
    <T> T inTransaction(String label, BulkOptions options, Supplier<T> work) {
        return transactions.run(() -> label, options, work);
    }

    /** {@link #inTransaction(String, BulkOptions, Supplier)} with the label made only when needed. */
    <T> T inTransaction(Supplier<String> label, BulkOptions options, Supplier<T> work) {
        return transactions.run(label, options, work);
    }

    ModelInfo writableInfo(Class<? extends Model> type, String action) {
        Objects.requireNonNull(type, "type must not be null");
        ModelInfo info = registry.info(type);
        ModelWriter.checkWritable(info, action);
        return info;
    }

    static ColumnMetadata requireKey(ModelInfo info, String label) {
        if (info.metadata().primaryKey().size() != 1) {
            throw new InvalidDataAccessApiUsageException(label + " needs a single-column primary key; " + info.metadata().name()
                    + " has " + info.metadata().primaryKey().stream().map(ColumnMetadata::name).toList());
        }
        return info.metadata().primaryKey().get(0);
    }

    /** The column when it holds timestamps (maintained), else null. */
    static @Nullable ColumnMetadata timestamp(@Nullable ColumnMetadata column) {
        return column != null && (column.kind() == ColumnKind.TIMESTAMP || column.kind() == ColumnKind.TIMESTAMP_TZ) ? column : null;
    }

    private Supplier<java.time.Instant> now() {
        java.time.Instant now = clock.instant();
        return () -> now;
    }

    static String abbreviate(List<?> values) {
        return values.size() <= 20 ? values.toString() : values.subList(0, 20) + " and " + (values.size() - 20) + " more";
    }

    /** Columns of a bulk call with the caller's names (Map keys) and fixed values (added timestamps). */
    static final class Columns {

        final List<ColumnMetadata> list = new ArrayList<>();

        final List<String> keys = new ArrayList<>();

        final List<@Nullable Object> fixed = new ArrayList<>();

        static Columns of(ModelInfo info, List<String> names, String label) {
            Objects.requireNonNull(names, "columns must not be null");
            if (names.isEmpty()) {
                throw new InvalidDataAccessApiUsageException(label + " needs at least one column");
            }
            Columns columns = new Columns();
            for (String name : names) {
                ColumnMetadata column = name == null ? null : info.metadata().column(name);
                if (column == null) {
                    throw UnknownColumnException.of(info.name(), String.valueOf(name), info.metadata().columnNames());
                }
                if (columns.list.contains(column)) {
                    throw new InvalidDataAccessApiUsageException(label + ": column '" + name + "' is given twice in " + names);
                }
                columns.add(column, name, RowSource.FROM_ELEMENT);
            }
            return columns;
        }

        void add(ColumnMetadata column, String key, @Nullable Object value) {
            list.add(column);
            keys.add(key);
            fixed.add(value);
        }

        /** Adds created_at and updated_at (timestamp columns the table has and the caller did not list) set to now. */
        void addTimestamps(ModelInfo info, Supplier<java.time.Instant> now) {
            for (String name : List.of(info.table().createdAt(), info.table().updatedAt())) {
                ColumnMetadata column = name.isEmpty() ? null : timestamp(info.metadata().column(name));
                if (column != null && !list.contains(column)) {
                    add(column, column.name(), ValueConverter.convert(now.get(), column.kind()));
                }
            }
        }

        RowSource source(String label, Class<?> type, List<?> rows, TypeMismatch onMismatch) {
            Objects.requireNonNull(rows, "rows must not be null");
            return new RowSource(label, type, rows, list, keys.toArray(String[]::new), fixed.toArray(), onMismatch);
        }
    }
}
