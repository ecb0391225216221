package dev.modelrepo.internal.write;

import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.WriteSql;
import dev.modelrepo.dialect.WriteSql.VersionMatch;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.model.Model;
import dev.modelrepo.schema.TableMetadata;
import dev.modelrepo.model.internal.Converters;
import dev.modelrepo.model.internal.KeyColumns;
import dev.modelrepo.model.internal.MaintainedTimestamps;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.types.ValueConverter;
import dev.modelrepo.internal.jdbc.StatementExecutor;

/**
 * Writes one model: INSERT of the columns that were set (defaults apply to the rest) with the stored row
 * written back, UPDATE of the dirty columns only, DELETE by key; timestamps and the optimistic version
 * column are maintained here. Hooks and validation are the repository's.
 */
public final class ModelWriter {

    private static final ModelAccess<Model> ACCESS = ModelAccess.get(Model.class);

    private final Dialect dialect;

    private final StatementExecutor executor;

    private final Clock clock;

    private final WriteSql writeSql;

    /** The single-row INSERTs and UPDATEs planned so far. */
    private final WritePlans plans;

    public ModelWriter(Dialect dialect, StatementExecutor executor, Clock clock) {
        this.dialect = dialect;
        this.executor = executor;
        this.clock = clock;
        this.writeSql = new WriteSql(dialect);
        this.plans = new WritePlans(dialect, writeSql);
    }

    /** INSERTs a new model and writes the stored row (generated key, defaults, truncated values) back. */
    public void insert(Model model, ModelInfo info) {
        TableMetadata table = info.metadata();
        WritePlans.Shape shape = plans.shape(info);
        boolean routed = table.insertRule() != null;
        List<ColumnMetadata> columns = routed ? RoutedInsertKeys.withKey(model, info, prepareInsert(model, info), dialect, executor, shape.table())
                : prepareInsert(model, info);
        long written = WritePlans.mask(table, columns);
        WritePlans.Insert plan = plans.insert(info, shape, columns, written, exact(model, info, shape, written), routed);
        List<ColumnMetadata> stored = plan.stored();
        switch (plan.mode()) {
            case RETURNING -> executor.execute(plan.sql(), shape.insert(), false, ps -> {
                bind(ps, model, info.converters(), columns, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new EmptyResultDataAccessException("insert " + info.name() + " returned no row", 1);
                    }
                    writeStored(model, stored, rs);
                }
                return 1;
            });
            case PLAIN -> executor.execute(plan.sql(), shape.insert(), false, ps -> {
                bind(ps, model, info.converters(), columns, 1);
                return ps.executeUpdate();
            });
            case KEYS -> {
                ColumnMetadata pk = plan.generatedKey();
                Object key = executor.execute(plan.sql(), shape.insert(), true, ps -> {
                    bind(ps, model, info.converters(), columns, 1);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        return !keys.next() ? null : pk != null ? dialect.generatedKey(keys, dialect.generatedKeyColumn(keys, pk))
                                : keys.getObject(1);
                    }
                }, k -> 1);   // one row inserted, whatever the key's type
                if (pk != null && model.get(pk.name()) == null && key != null) {
                    ACCESS.write(model, pk.name(), ValueConverter.convert(key, pk.kind()));
                }
            }
        }
        reread(model, info, shape, plan.reread(), plan.rereadSql());
        readTriggerWrites(model, info, shape, plan.mode() == WritePlans.Mode.RETURNING);
        ACCESS.markStored(model);
    }

    /**
     * The bits (by table position) of the written columns that the database may change but whose values it stores as
     * bound (see {@link ReadBackColumns#storedAsBound}); none for a model with converters, or without a plan.
     */
    private long exact(Model model, ModelInfo info, WritePlans.Shape shape, long written) {
        long candidates = written & shape.mayChange();
        if (written < 0 || shape.mayChange() < 0 || candidates == 0 || !info.converters().isEmpty()) {
            return 0;
        }
        long exact = 0;
        List<ColumnMetadata> all = info.metadata().columns();
        for (long bits = candidates; bits != 0; bits &= bits - 1) {
            int i = Long.numberOfTrailingZeros(bits);
            ColumnMetadata column = all.get(i);
            if (ReadBackColumns.storedAsBound(column, model.get(column.name()), dialect)) {
                exact |= 1L << i;
            }
        }
        return exact;
    }

    /** UPDATEs the dirty columns of a stored model; does nothing when nothing is dirty. Returns whether it wrote. */
    public boolean update(Model model, ModelInfo info) {
        TableMetadata table = info.metadata();
        if (!model.isDirty()) {
            return false;
        }
        List<ColumnMetadata> dirty = dirtyColumns(model, table);
        if (dirty.isEmpty()) {
            return false;
        }
        refuseView(info, "update");
        List<ColumnMetadata> pk = requireKey(info, "be updated");
        for (ColumnMetadata c : pk) {
            if (model.isDirty(c.name())) {
                throw new InvalidDataAccessApiUsageException("The primary key of " + info.name() + " cannot be changed by save ("
                        + identity(info, model) + "); insert a new row instead");
            }
        }
        WritePlans.Shape shape = plans.shape(info);
        List<ColumnMetadata> columns = touch(model, info, shape, false, true) ? dirtyColumns(model, table) : dirty;
        ColumnMetadata version = versionColumn(info);
        Object currentVersion = version == null ? null : model.get(version.name());
        if (version != null) {
            columns.removeIf(c -> c.name().equals(version.name()));
        }
        long written = WritePlans.mask(table, columns);
        WritePlans.Update plan = plans.update(info, shape, columns, written, exact(model, info, shape, written), version,
                currentVersion == null ? VersionMatch.IS_NULL : VersionMatch.EQUALS);
        List<ColumnMetadata> readBack = plan.readBack();
        boolean returning = plan.returning();
        executor.execute(plan.sql(), shape.update(), false, ps -> {
            int p = bindKey(ps, model, pk, bind(ps, model, info.converters(), columns, 1));
            if (version != null && currentVersion != null) {
                version.binder().bind(ps, p, currentVersion);
            }
            if (!returning) {
                return requireAffected(ps.executeUpdate(), info, model, version, currentVersion);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw stale(info, model, version, currentVersion);
                }
                writeStored(model, readBack, rs);
                return 1;
            }
        });
        if (!returning && version != null) {
            ACCESS.write(model, version.name(), ValueConverter.convert(((Number) currentVersion).longValue() + 1, version.kind()));
        }
        reread(model, info, shape, plan.reread(), plan.rereadSql());
        readTriggerWrites(model, info, shape, returning);
        ACCESS.markStored(model);
        return true;
    }

    /** DELETEs a stored model by key (and version). */
    public void delete(Model model, ModelInfo info) {
        refuseView(info, "delete");
        List<ColumnMetadata> pk = requireKey(info, "be deleted");
        ColumnMetadata version = versionColumn(info);
        Object currentVersion = version == null ? null : model.get(version.name());
        String sql = writeSql.deleteByKey(table(info), pk, version, currentVersion == null ? VersionMatch.NONE : VersionMatch.EQUALS);
        executor.execute(sql, StatementExecutor.Op.of("delete", info.metadata().name()), false, ps -> {
            int p = bindKey(ps, model, pk, 1);
            if (version != null && currentVersion != null) {
                version.binder().bind(ps, p, currentVersion);
            }
            return requireAffected(ps.executeUpdate(), info, model, version, currentVersion);
        });
    }

    /**
     * Raised inside the statement's work, so the statement's observation records the conflict as its error
     * (meters count optimistic conflicts from there).
     */
    private static int requireAffected(int affected, ModelInfo info, Model model, @Nullable ColumnMetadata version,
            @Nullable Object currentVersion) {
        if (affected == 0) {
            throw stale(info, model, version, currentVersion);
        }
        return affected;
    }

    private static RuntimeException stale(ModelInfo info, Model model, @Nullable ColumnMetadata version, @Nullable Object currentVersion) {
        if (version != null) {
            return new OptimisticLockingFailureException(info.name() + " " + identity(info, model) + " was changed or deleted by another"
                    + " transaction: " + version.name() + " " + currentVersion + " is stale; reload it (repo.reload(model)) and try again");
        }
        return new EmptyResultDataAccessException(info.name() + " " + identity(info, model) + " no longer exists", 1);
    }

    /** How messages name a stored model: {@code id=5}, or its key {@code Key[actor_id=1, film_id=23]} when composite. */
    public static String identity(ModelInfo info, Model model) {
        return info.metadata().primaryKey().size() > 1 ? model.key().toString() : "id=" + model.id();
    }

    /**
     * Sets the maintained created_at ({@code created}) or updated_at column to now (unless set already, or given, or
     * generated); returns whether it did.
     */
    private boolean touch(Model model, ModelInfo info, WritePlans.Shape shape, boolean created, boolean always) {
        ColumnMetadata column = shape.timestamp(info, created);
        if (column == null || (!always && model.get(column.name()) != null) || model.isDirty(column.name())) {
            return false;
        }
        model.set(column.name(), MaintainedTimestamps.value(column, clock.instant()));
        return true;
    }

    private static @Nullable ColumnMetadata versionColumn(ModelInfo info) {
        String name = info.table().version();
        if (name.isEmpty()) {
            return null;
        }
        ColumnMetadata column = info.metadata().column(name);
        if (column == null) {
            throw new InvalidDataAccessApiUsageException(info.name() + " declares version column '" + name
                    + "' but its table has only " + info.metadata().columnNames());
        }
        return column;
    }

    private static List<ColumnMetadata> requireKey(ModelInfo info, String action) {
        return KeyColumns.require(info.name(), info.metadata(), action);
    }

    /** Binds the model's key values from placeholder {@code from}; returns the next placeholder. */
    private static int bindKey(java.sql.PreparedStatement ps, Model model, List<ColumnMetadata> key, int from) throws java.sql.SQLException {
        int p = from;
        for (ColumnMetadata column : key) {
            column.binder().bind(ps, p++, model.get(column.name()));
        }
        return p;
    }

    private static void refuseView(ModelInfo info, String action) {
        if (info.metadata().isView()) {
            throw new InvalidDataAccessApiUsageException(info.name() + " reads the view " + info.metadata().name()
                    + ", which is read-only: cannot " + action);
        }
    }

    /** The table's columns that are dirty on the model, in table order (a list the caller may change). */
    private static List<ColumnMetadata> dirtyColumns(Model model, TableMetadata table) {
        return ACCESS.dirtyColumns(model, table);
    }

    /** Binds the model's values of these columns, deflating converted ones. */
    private static int bind(java.sql.PreparedStatement ps, Model model, Converters converters, List<ColumnMetadata> columns, int from)
            throws java.sql.SQLException {
        int p = from;
        for (ColumnMetadata column : columns) {
            Object value = model.get(column.name());
            if (!converters.isEmpty()) {
                value = ValueConverter.convert(converters.deflate(column.name(), value), column.kind());
            }
            column.binder().bind(ps, p++, value);
        }
        return p;
    }

    /** Writes the stored values of these columns, read from the current row of {@code rs}, back into the model (converted). */
    public static void writeStored(Model model, List<ColumnMetadata> columns, ResultSet rs) throws java.sql.SQLException {
        Converters converters = ACCESS.converters(model);
        for (int i = 0; i < columns.size(); i++) {
            ColumnMetadata column = columns.get(i);
            ACCESS.write(model, column.name(), converters.reader(column.name(), column.reader()).read(rs, i + 1));
        }
    }

    /**
     * Reads the columns the model names in {@code @Table(readBack)} again after a statement whose RETURNING did not see
     * what triggers wrote (SQLite).
     */
    private void readTriggerWrites(Model model, ModelInfo info, WritePlans.Shape shape, boolean returned) {
        if (returned && !shape.declared().isEmpty() && !dialect.returningSeesTriggerWrites()) {
            reread(model, info, shape, shape.declared(), shape.declaredSql());
        }
    }

    /**
     * Reads a stored model's row again: every column, the model then clean (its unsaved changes gone; relations stay as
     * loaded). Fails when the row no longer exists.
     */
    public void reload(Model model, ModelInfo info) {
        List<ColumnMetadata> pk = requireKey(info, "be reloaded");
        List<ColumnMetadata> all = info.metadata().columns();
        String sql = writeSql.selectByKey(table(info), all, pk);
        String identity = identity(info, model);
        Converters converters = ACCESS.converters(model);
        Object[] values = executor.execute(sql, StatementExecutor.Op.of("select", info.metadata().name()), false, ps -> {
            bindKey(ps, model, pk, 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Object[] row = new Object[all.size()];
                for (int i = 0; i < row.length; i++) {
                    ColumnMetadata column = all.get(i);
                    row[i] = converters.reader(column.name(), column.reader()).read(rs, i + 1);
                }
                return row;
            }
        }, row -> row == null ? 0 : 1);
        if (values == null) {
            throw new EmptyResultDataAccessException(info.name() + " " + identity + " no longer exists", 1);
        }
        ACCESS.load(model, info.fullLayout(), values);
    }

    /** One follow-up SELECT of these columns by key ({@code sql}), for databases without RETURNING; nothing when no columns. */
    private void reread(Model model, ModelInfo info, WritePlans.Shape shape, List<ColumnMetadata> columns, @Nullable String sql) {
        if (columns.isEmpty()) {
            return;
        }
        List<ColumnMetadata> pk = requireKey(info, "be read back");
        executor.execute(java.util.Objects.requireNonNull(sql), shape.select(), false, ps -> {
            bindKey(ps, model, pk, 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    writeStored(model, columns, rs);
                    return 1;
                }
            }
            return 0;
        });
    }

    // ------------------------------------------------------------ shared with bulk insertAll/updateBulk

    /**
     * Readies a new model for INSERT (refusing a view): sets created_at/updated_at when the table has them and they
     * were not set, and a version of 0 where the column has no default. Returns the columns to insert, in table order.
     */
    public List<ColumnMetadata> prepareInsert(Model model, ModelInfo info) {
        TableMetadata table = info.metadata();
        refuseView(info, "insert");
        WritePlans.Shape shape = plans.shape(info);
        touch(model, info, shape, true, false);
        touch(model, info, shape, false, false);
        ColumnMetadata version = versionColumn(info);
        if (version != null && model.get(version.name()) == null && version.defaultValue() == null) {
            model.set(version.name(), ValueConverter.convert(0, version.kind()));
        }
        return dirtyColumns(model, table);
    }

    /**
     * After a bulk INSERT of a model that read the stored row back: reads its {@code @Table(readBack)} columns again
     * where RETURNING does not see what triggers wrote (SQLite); nothing elsewhere.
     */
    public void readTriggerWrites(Model model, ModelInfo info) {
        readTriggerWrites(model, info, plans.shape(info), true);
    }

    /** The optimistic-locking version column the model declares, or null. */
    public static @Nullable ColumnMetadata version(ModelInfo info) {
        return versionColumn(info);
    }

    /** Fails when the model reads a view (read-only). */
    public static void checkWritable(ModelInfo info, String action) {
        refuseView(info, action);
    }

    /** The quoted (schema-qualified where the model names a schema) table of the model. */
    public String table(ModelInfo info) {
        return writeSql.table(info.metadata());
    }

    /** The SQL text builder of this writer's dialect, for the bulk operations' own statements. */
    public WriteSql sql() {
        return writeSql;
    }
}
