package dev.modelrepo.internal.write;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.WriteSql;
import dev.modelrepo.dialect.WriteSql.VersionMatch;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.model.internal.MaintainedTimestamps;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;

/**
 * What a single-row INSERT or UPDATE of a model runs: its SQL text, the columns it reads back and how, kept per model
 * and shape of the write (the columns written, and which of those that the database may change hold values it stores
 * as bound), so that a save assembles no SQL and decides nothing again once its shape was seen. At most
 * {@link #LIMIT} shapes are kept in all (a table of more than 64 columns has none kept); others are planned per call.
 */
final class WritePlans {

    /** How many plans one writer keeps at most. */
    static final int LIMIT = 1_024;

    /** How an INSERT learns what the database stored. */
    enum Mode {
        /** INSERT … RETURNING (or the dialect's equivalent) of the stored columns. */
        RETURNING,
        /** A plain INSERT: nothing to read back, or a table whose rule refuses RETURNING (then read by key). */
        PLAIN,
        /** The generated key from the driver's generated keys, the other stored columns (if any) read by key. */
        KEYS
    }

    /** An INSERT of the {@code written} columns: {@code reread} is read by key after the statement ({@code rereadSql}), when not empty. */
    record Insert(long written, long exact, String sql, Mode mode, List<ColumnMetadata> stored, @Nullable ColumnMetadata generatedKey,
            List<ColumnMetadata> reread, @Nullable String rereadSql) {
    }

    /** An UPDATE: {@code sql} is the RETURNING form when {@code returning}; else {@code reread} is read by key after it. */
    record Update(long written, long exact, VersionMatch match, String sql, boolean returning, List<ColumnMetadata> readBack,
            List<ColumnMetadata> reread, @Nullable String rereadSql) {
    }

    /**
     * What is fixed per model: its quoted table, its {@code @Table(readBack)} columns and their SELECT by key, which
     * columns the database may change (bits by table position; -1 past 64 columns), the operations observed; and the
     * last INSERT and UPDATE planned, which a model saved again and again in one shape finds without a look-up.
     */
    record Shape(String table, List<ColumnMetadata> declared, @Nullable String declaredSql, long mayChange, StatementExecutor.Op insert,
            StatementExecutor.Op update, StatementExecutor.Op select, Last last, @Nullable Timestamps timestamps) {

        /** The maintained created_at ({@code created}) or updated_at column, or null ({@link MaintainedTimestamps#column}). */
        @Nullable ColumnMetadata timestamp(ModelInfo info, boolean created) {
            Timestamps t = timestamps;
            if (t == null) {
                // one of them cannot hold a timestamp: resolved (and refused) at each write, as it is named
                return MaintainedTimestamps.column(info, created ? info.table().createdAt() : info.table().updatedAt());
            }
            return created ? t.createdAt() : t.updatedAt();
        }
    }

    /** The maintained timestamp columns of a model, resolved once. */
    record Timestamps(@Nullable ColumnMetadata createdAt, @Nullable ColumnMetadata updatedAt) {

        /** Both columns, or null when one of them cannot hold a timestamp. */
        static @Nullable Timestamps of(ModelInfo info) {
            try {
                return new Timestamps(MaintainedTimestamps.column(info, info.table().createdAt()),
                        MaintainedTimestamps.column(info, info.table().updatedAt()));
            }
            catch (RuntimeException refused) {
                return null;
            }
        }
    }

    /** The last plans of a model (each immutable, so a racing write at worst plans once more). */
    static final class Last {
        volatile @Nullable Insert insert;

        volatile @Nullable Update update;
    }

    private record Key(ModelInfo info, int statement, long written, long exact) {
    }

    private static final int INSERT = -1;

    private final Dialect dialect;

    private final WriteSql sql;

    private final ConcurrentHashMap<ModelInfo, Shape> shapes = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<Key, Object> plans = new ConcurrentHashMap<>();

    WritePlans(Dialect dialect, WriteSql sql) {
        this.dialect = dialect;
        this.sql = sql;
    }

    Shape shape(ModelInfo info) {
        Shape shape = shapes.get(info);
        if (shape == null) {
            TableMetadata table = info.metadata();
            long mayChange = 0;
            List<ColumnMetadata> columns = table.columns();
            for (int i = 0; i < columns.size() && i < 64; i++) {
                if (ReadBackColumns.mayChangeWhenStored(columns.get(i))) {
                    mayChange |= 1L << i;
                }
            }
            String name = table.name();
            String quoted = sql.table(table);
            List<ColumnMetadata> declared = ReadBackColumns.declared(info);
            String declaredSql = declared.isEmpty() || table.primaryKey().isEmpty() ? null : sql.selectByKey(quoted, declared, table.primaryKey());
            shape = new Shape(quoted, declared, declaredSql, columns.size() > 64 ? -1 : mayChange,
                    StatementExecutor.Op.of("insert", name), StatementExecutor.Op.of("update", name), StatementExecutor.Op.of("select", name),
                    new Last(), Timestamps.of(info));
            shapes.putIfAbsent(info, shape);
        }
        return shape;
    }

    /**
     * The bit of each of {@code columns} in the table's order, or -1 when they are not in table order or the table has
     * more than 64 columns (no plan is kept then).
     */
    static long mask(TableMetadata table, List<ColumnMetadata> columns) {
        List<ColumnMetadata> all = table.columns();
        if (all.size() > 64) {
            return -1;
        }
        long mask = 0;
        int j = 0;
        for (int i = 0; i < all.size() && j < columns.size(); i++) {
            if (all.get(i) == columns.get(j)) {
                mask |= 1L << i;
                j++;
            }
        }
        return j == columns.size() ? mask : -1;
    }

    /** The INSERT of these columns; {@code exact} has the bits of the written ones the database may change that it will not. */
    Insert insert(ModelInfo info, Shape shape, List<ColumnMetadata> columns, long written, long exact, boolean routed) {
        Insert last = shape.last().insert;
        if (last != null && written >= 0 && last.written() == written && last.exact() == exact) {
            return last;
        }
        Key key = written < 0 ? null : new Key(info, INSERT, written, exact);
        Object plan = key == null ? null : plans.get(key);
        if (plan == null) {
            plan = keep(key, planInsert(info, shape, columns, written, exact, routed));
        }
        if (key != null) {
            shape.last().insert = (Insert) plan;
        }
        return (Insert) plan;
    }

    /** The UPDATE of these columns (the version not among them), matching the version as {@code match} says. */
    Update update(ModelInfo info, Shape shape, List<ColumnMetadata> columns, long written, long exact, @Nullable ColumnMetadata version,
            VersionMatch match) {
        Update last = shape.last().update;
        if (last != null && written >= 0 && last.written() == written && last.exact() == exact && last.match() == match) {
            return last;
        }
        Key key = written < 0 ? null : new Key(info, match.ordinal(), written, exact);
        Object plan = key == null ? null : plans.get(key);
        if (plan == null) {
            plan = keep(key, planUpdate(info, shape, columns, written, exact, version, match));
        }
        if (key != null) {
            shape.last().update = (Update) plan;
        }
        return (Update) plan;
    }

    private Object keep(@Nullable Key key, Object plan) {
        if (key != null && plans.size() < LIMIT) {
            Object kept = plans.putIfAbsent(key, plan);
            return kept != null ? kept : plan;
        }
        return plan;
    }

    private Insert planInsert(ModelInfo info, Shape shape, List<ColumnMetadata> columns, long written, long exact, boolean routed) {
        TableMetadata table = info.metadata();
        String insert = columns.isEmpty() ? dialect.insertDefaults(shape.table()) : sql.insert(shape.table(), columns);
        List<ColumnMetadata> stored = ReadBackColumns.afterInsert(table, columns, shape.declared(), exact);
        if (stored.isEmpty() || routed) {
            // every column written and none the database could change, or a table whose rule refuses RETURNING
            return new Insert(written, exact, insert, Mode.PLAIN, stored, null, stored, rereadSql(info, shape, stored));
        }
        ColumnMetadata key = generatedKey(table, columns);
        boolean keyOnly = key != null && key.autoIncrement() && stored.size() == 1 && stored.get(0) == key;
        String returning = keyOnly && dialect.prefersGeneratedKeys() ? null : dialect.insertReturning(insert, sql.columns(stored));
        if (returning != null) {
            return new Insert(written, exact, returning, Mode.RETURNING, stored, null, List.of(), null);
        }
        List<ColumnMetadata> reread = table.primaryKey().isEmpty() ? List.of() : stored.stream().filter(c -> c != key).toList();
        return new Insert(written, exact, insert, Mode.KEYS, stored, key, reread, rereadSql(info, shape, reread));
    }

    private Update planUpdate(ModelInfo info, Shape shape, List<ColumnMetadata> columns, long written, long exact, @Nullable ColumnMetadata version,
            VersionMatch match) {
        TableMetadata table = info.metadata();
        List<ColumnMetadata> pk = table.primaryKey();
        String update = sql.updateByKey(shape.table(), columns, pk, version, match);
        List<ColumnMetadata> readBack = ReadBackColumns.afterUpdate(table, columns, exact, version, shape.declared());
        String returning = readBack.isEmpty() ? null : dialect.updateReturning(update, sql.columns(readBack));
        if (returning != null) {
            return new Update(written, exact, match, returning, true, readBack, List.of(), null);
        }
        List<ColumnMetadata> reread = readBack.stream().filter(c -> c != version).toList();
        return new Update(written, exact, match, update, false, readBack, reread, rereadSql(info, shape, reread));
    }

    private @Nullable String rereadSql(ModelInfo info, Shape shape, List<ColumnMetadata> columns) {
        List<ColumnMetadata> pk = info.metadata().primaryKey();
        return columns.isEmpty() || pk.isEmpty() ? null : sql.selectByKey(shape.table(), columns, pk);
    }

    /**
     * The key column whose value the database generates when the INSERT did not write it: a single-column key, or the
     * one column of a composite key left out (a generated id beside a partition column, say); null otherwise.
     */
    static @Nullable ColumnMetadata generatedKey(TableMetadata table, List<ColumnMetadata> written) {
        List<ColumnMetadata> pk = table.primaryKey();
        if (pk.size() == 1) {
            return pk.get(0);
        }
        List<ColumnMetadata> missing = new ArrayList<>(1);
        for (ColumnMetadata c : pk) {
            if (!written.contains(c)) {
                missing.add(c);
            }
        }
        return missing.size() == 1 ? missing.get(0) : null;
    }
}
