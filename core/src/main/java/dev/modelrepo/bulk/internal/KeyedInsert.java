package dev.modelrepo.bulk.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.dialect.BulkSupport;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.internal.write.ModelWriter;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.types.ValueConverter;

/**
 * Inserts one group of new models (one class, one set of columns) and writes each stored row back into its own model:
 * key, defaults, timestamps. Rows are matched to models by key, never by the position of a multi-row RETURNING, per
 * the dialect's {@link BulkSupport.KeyMethod}: keys allocated from the sequence ahead and RETURNING rows matched by
 * key; one INSERT … RETURNING per row; or a JDBC batch's generated keys (in batch order) and a SELECT by key.
 */
final class KeyedInsert {

    private final BulkEngine engine;

    private final ModelInfo info;

    private final List<ColumnMetadata> columns;

    private final List<? extends Model> models;

    private final int[] indexes;

    private final BulkSettings options;

    private final List<ColumnMetadata> all;

    private final String table;

    /** The primary key (one column or several; empty only for a table without one). */
    private final BulkKeys key;

    /** The key column the database generates (not among the inserted columns), or null when every key column is given. */
    private final @Nullable ColumnMetadata generated;

    private final String label;

    private final StatementExecutor.Op op;

    KeyedInsert(BulkEngine engine, ModelInfo info, List<ColumnMetadata> columns, List<? extends Model> models, List<Integer> indexes,
            BulkSettings options) {
        this.engine = engine;
        this.info = info;
        this.columns = columns;
        this.models = models;
        this.indexes = indexes.stream().mapToInt(Integer::intValue).toArray();
        this.options = options;
        this.all = info.metadata().columns();
        this.table = engine.writer.table(info);
        this.key = new BulkKeys(info.metadata().primaryKey());
        List<ColumnMetadata> missing = info.metadata().primaryKey().stream().filter(c -> !columns.contains(c)).toList();
        this.generated = missing.size() == 1 ? missing.get(0) : null;
        this.label = "insertAll of " + info.name();
        this.op = StatementExecutor.Op.of("insert-bulk", info.metadata().name());
    }

    void run() {
        switch (engine.support.keyMethod()) {
            case PREALLOCATE -> preallocated();
            case RETURNING_PER_ROW -> returningPerRow();
            case BATCH_KEYS -> batchKeys();
        }
    }

    /**
     * Marks the chunk's models stored as soon as their rows are: without a transaction each statement commits on its
     * own, and a later failure must not make those models new again.
     */
    private void stored(Chunk chunk) {
        for (int r = 0; r < chunk.size(); r++) {
            BulkEngine.ACCESS.markStored(models.get(chunk.index(r)));
        }
    }

    /** The group's models as rows of these columns, reported by their index in the caller's list. */
    private RowSource source(List<ColumnMetadata> cols) {
        List<Model> group = new ArrayList<>(indexes.length);
        for (int index : indexes) {
            group.add(models.get(index));
        }
        Object[] fixed = new Object[cols.size()];
        Arrays.fill(fixed, RowSource.FROM_ELEMENT);
        return new RowSource(label, info.type(), group, cols, cols.stream().map(ColumnMetadata::name).toArray(String[]::new), fixed,
                false).origin(indexes);
    }

    /** PostgreSQL: keys from the sequence, then INSERT … SELECT FROM unnest … RETURNING, rows matched by key. */
    private void preallocated() {
        boolean given = columns.containsAll(key.columns());
        if (key.size() == 0 || (!given && generated == null)) {
            batchKeys();
            return;
        }
        List<ColumnMetadata> cols = columns;
        if (!given) {
            List<Object> keys = allocate(indexes.length);
            if (keys == null) {
                batchKeys();
                return;
            }
            for (int i = 0; i < indexes.length; i++) {
                BulkEngine.ACCESS.write(models.get(indexes[i]), generated.name(), keys.get(i));
            }
            cols = new ArrayList<>(columns.size() + 1);
            cols.add(generated);
            cols.addAll(columns);
        }
        if (info.metadata().insertRule() != null) {
            // a rule rewrites INSERTs into this table and refuses RETURNING: a plain batch, then a SELECT by key
            batchKeys(cols, false);
            return;
        }
        List<ColumnMetadata> rowColumns = cols;
        int[] keyAt = key.columns().stream().mapToInt(rowColumns::indexOf).toArray();
        int[] returnedKeyAt = key.columns().stream().mapToInt(c -> all.indexOf(c) + 1).toArray();
        RowSource source = source(rowColumns);
        ChunkWriter writer = new ChunkWriter(engine.executor, engine.support, label, op,
                n -> engine.support.insertReturning(table, rowColumns, all, n), rowColumns, List.of(), new Object[0]);
        Chunk chunk = new Chunk(rowColumns.size(), options.batchSize());
        while (fill(chunk, source)) {
            Map<Object, Model> byKey = new HashMap<>();
            for (int r = 0; r < chunk.size(); r++) {
                int row = r;
                byKey.put(key.of(i -> chunk.value(row, keyAt[i])), models.get(chunk.index(r)));
            }
            writer.query(chunk, rs -> {
                while (rs.next()) {
                    Model model = byKey.get(key.read(rs, returnedKeyAt));
                    if (model != null) {
                        ModelWriter.writeStored(model, all, rs);
                    }
                }
                return null;
            });
            stored(chunk);
        }
    }

    /** Keys from the key column's sequence, or null when it has none. */
    private @Nullable List<Object> allocate(int n) {
        String sql = engine.support.allocateKeys();
        if (sql == null) {
            return null;
        }
        ValueBinder text = (ps, i, v) -> ps.setString(i, (String) v);
        ValueBinder number = (ps, i, v) -> ps.setInt(i, (Integer) v);
        ColumnMetadata k = generated;
        return engine.executor.query(new BoundStatement(sql, new ValueBinder[] { text, text, number }, new Object[] { table, k.storedName(), n }),
                StatementExecutor.Op.of("select", info.metadata().name()), rs -> {
                    List<Object> keys = new ArrayList<>(n);
                    while (rs.next()) {
                        Object v = rs.getObject(1);
                        if (v == null) {
                            return null;
                        }
                        keys.add(ValueConverter.convert(v, k.kind()));
                    }
                    return keys;
                });
    }

    /** Embedded engines: one prepared INSERT … RETURNING (H2: FINAL TABLE) executed per row. */
    private void returningPerRow() {
        String sql = engine.dialect.insertReturning(insertSql(), engine.writer.sql().columns(all));
        if (sql == null) {
            batchKeys();
            return;
        }
        RowSource source = source(columns);
        Chunk chunk = new Chunk(columns.size(), options.batchSize());
        while (fill(chunk, source)) {
            int[] at = { 0 };
            try {
                engine.executor.execute(sql, op, false, ps -> {
                    for (int r = 0; r < chunk.size(); r++) {
                        at[0] = r;
                        bindRow(ps, chunk, r);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                ModelWriter.writeStored(models.get(chunk.index(r)), all, rs);
                            }
                        }
                        BulkEngine.ACCESS.markStored(models.get(chunk.index(r)));
                    }
                    return null;
                });
            }
            catch (DataAccessException ex) {
                throw failure(ex, chunk, at[0]);
            }
        }
    }

    /** One single-row INSERT as a JDBC batch; generated keys come back in batch order; then one SELECT by key. */
    private void batchKeys() {
        batchKeys(columns, generated != null);
    }

    /** {@link #batchKeys()} of these columns, reading generated keys or not. */
    private void batchKeys(List<ColumnMetadata> cols, boolean generated) {
        RowSource source = source(cols);
        Chunk chunk = new Chunk(cols.size(), options.batchSize());
        String sql = insertSql(cols);
        ChunkWriter writer = new ChunkWriter(engine.executor, engine.support, label, op, n -> engine.support.insert(table, cols, n),
                cols, List.of(), new Object[0]);
        boolean transactional = TransactionSynchronizationManager.isActualTransactionActive();
        while (fill(chunk, source)) {
            if (transactional) {
                batch(writer, sql, generated, chunk, cols);
            }
            else {
                // without a transaction a batch could commit some of its rows before a failing one, and their keys
                // would never be read: each chunk commits whole or not at all
                engine.inTransaction(label, BulkSettings.DEFAULTS, () -> {
                    batch(writer, sql, generated, chunk, cols);
                    return Boolean.TRUE;
                });
            }
        }
    }

    /** One chunk's rows as a JDBC batch, their generated keys, then their stored rows. */
    private void batch(ChunkWriter writer, String sql, boolean generated, Chunk chunk, List<ColumnMetadata> cols) {
        try {
            engine.executor.execute(sql, op, generated, ps -> {
                for (int r = 0; r < chunk.size(); r++) {
                    bindRow(ps, chunk, r, cols);
                    ps.addBatch();
                }
                writer.executeBatch(ps);
                if (generated) {
                    readKeys(ps, chunk);
                }
                return null;
            });
        }
        catch (DataAccessException ex) {
            throw writer.failure(ex, chunk);
        }
        if (key.size() > 0) {
            reread(chunk);
        }
        stored(chunk);
    }

    private void readKeys(PreparedStatement ps, Chunk chunk) throws SQLException {
        ColumnMetadata k = generated;
        try (ResultSet keys = ps.getGeneratedKeys()) {
            int column = engine.dialect.generatedKeyColumn(keys, k);
            for (int r = 0; r < chunk.size() && keys.next(); r++) {
                BulkEngine.ACCESS.write(models.get(chunk.index(r)), k.name(),
                        ValueConverter.convert(engine.dialect.generatedKey(keys, column), k.kind()));
            }
        }
    }

    /** SELECT of the chunk's stored rows by key, written back into the model of each key. */
    private void reread(Chunk chunk) {
        List<ColumnMetadata> k = key.columns();
        Map<Object, Model> byKey = new HashMap<>();
        List<Object> keys = new ArrayList<>();
        for (int r = 0; r < chunk.size(); r++) {
            Model model = models.get(chunk.index(r));
            Object value = key.of(i -> ValueConverter.convert(model.get(k.get(i).name()), k.get(i).kind()));
            byKey.put(value, model);
            keys.add(value);
        }
        int[] keyAt = k.stream().mapToInt(c -> all.indexOf(c) + 1).toArray();
        int step = Math.max(1, Math.min(1000, engine.support.maxBindParameters() / k.size()));
        for (int from = 0; from < keys.size(); from += step) {
            List<Object> part = keys.subList(from, Math.min(keys.size(), from + step));
            String sql = engine.writer.sql().selectByKeys(table, all, k, part.size());
            ValueBinder[] binders = new ValueBinder[part.size() * k.size()];
            Object[] values = new Object[binders.length];
            for (int p = 0; p < part.size(); p++) {
                for (int c = 0; c < k.size(); c++) {
                    binders[p * k.size() + c] = k.get(c).binder();
                    values[p * k.size() + c] = key.value(part.get(p), c);
                }
            }
            engine.executor.query(new BoundStatement(sql, binders, values), StatementExecutor.Op.of("select", info.metadata().name()),
                    rs -> {
                        while (rs.next()) {
                            Model model = byKey.get(key.read(rs, keyAt));
                            if (model != null) {
                                ModelWriter.writeStored(model, all, rs);
                            }
                        }
                        return null;
                    });
        }
    }

    private RuntimeException failure(DataAccessException ex, Chunk chunk, int row) {
        SQLException sql = ChunkWriter.sqlCause(ex);
        return sql == null ? ex : ChunkWriter.failure(label, ex, sql, chunk.index(row), chunk.index(row), chunk.index(row) + 1);
    }

    /** Reports the chunk just written (none on the first call), then reads the next one. */
    private boolean fill(Chunk chunk, RowSource source) {
        options.progressBy(chunk.size());
        chunk.clear();
        while (chunk.size() < options.batchSize() && chunk.add(source)) {
            // reads up to a batch
        }
        return chunk.size() > 0;
    }

    private void bindRow(PreparedStatement ps, Chunk chunk, int row) throws SQLException {
        bindRow(ps, chunk, row, columns);
    }

    private static void bindRow(PreparedStatement ps, Chunk chunk, int row, List<ColumnMetadata> cols) throws SQLException {
        for (int c = 0; c < cols.size(); c++) {
            cols.get(c).binder().bind(ps, c + 1, chunk.value(row, c));
        }
    }

    private String insertSql() {
        return insertSql(columns);
    }

    private String insertSql(List<ColumnMetadata> cols) {
        return cols.isEmpty() ? engine.dialect.insertDefaults(table) : engine.writer.sql().insert(table, cols);
    }
}
