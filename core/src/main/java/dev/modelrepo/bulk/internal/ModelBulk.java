package dev.modelrepo.bulk.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.bulk.BulkOptions;
import dev.modelrepo.bulk.BulkValidationException;
import dev.modelrepo.model.Cascade;
import dev.modelrepo.model.ColumnMetadata;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelValidationException;
import dev.modelrepo.model.internal.Hook;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.repository.internal.BoundStatement;
import dev.modelrepo.repository.internal.ModelWriter;
import dev.modelrepo.repository.internal.StatementExecutor;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.types.ValueConverter;

/**
 * The model-by-model bulk writes ({@code insertAll}, {@code updateAll}, {@code deleteAll}) with validation, hooks
 * and listeners through {@code ModelPersistence}, and {@code upsert} of one model. Models are validated before
 * anything is written, and get their previous state back when the operation fails.
 */
public final class ModelBulk {

    private final BulkEngine engine;

    public ModelBulk(BulkEngine engine) {
        this.engine = engine;
    }

    // ------------------------------------------------------------ insertAll

    public <M extends Model> List<M> insertAll(List<M> models, BulkOptions options) {
        List<ModelInfo> infos = check(models, "insertAll", true);
        List<Object> snapshots = snapshot(models);
        try {
            engine.inTransaction(options, () -> {
                for (M model : models) {
                    engine.persistence.fire(model, Hook.BEFORE_INSERT);
                }
                // one statement shape per model class and set of columns (a column left out takes its default)
                Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
                for (int i = 0; i < models.size(); i++) {
                    List<ColumnMetadata> columns = engine.writer.prepareInsert(models.get(i), infos.get(i));
                    groups.computeIfAbsent(List.of(infos.get(i), columns), k -> new ArrayList<>()).add(i);
                }
                groups.forEach((key, indexes) -> {
                    @SuppressWarnings("unchecked")
                    List<ColumnMetadata> columns = (List<ColumnMetadata>) key.get(1);
                    new KeyedInsert(engine, (ModelInfo) key.get(0), columns, models, indexes, options).run();
                });
                for (M model : models) {
                    engine.persistence.fire(model, Hook.AFTER_INSERT);
                }
                return Boolean.TRUE;
            });
        }
        catch (RuntimeException | Error ex) {
            restore(models, snapshots);
            throw ex;
        }
        return models;
    }

    // ------------------------------------------------------------ updateAll / deleteAll

    public <M extends Model> List<M> updateAll(List<M> models, BulkOptions options) {
        List<ModelInfo> infos = check(models, "updateAll", false);
        List<Object> snapshots = snapshot(models);
        try {
            engine.inTransaction(options, () -> {
                for (int i = 0; i < models.size(); i++) {
                    if (models.get(i).isDirty()) {       // as save: a clean model is neither validated nor hooked
                        engine.persistence.update(models.get(i), infos.get(i));
                    }
                }
                return Boolean.TRUE;
            });
        }
        catch (RuntimeException | Error ex) {
            restore(models, snapshots);
            throw ex;
        }
        return models;
    }

    public <M extends Model> List<M> deleteAll(List<M> models, Cascade cascade, BulkOptions options) {
        Objects.requireNonNull(cascade, "cascade must not be null");
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i) == null) {
                throw new IllegalArgumentException("deleteAll: element " + i + " is null");
            }
        }
        List<Object> snapshots = snapshot(models);
        try {
            engine.inTransaction(options, () -> {
                models.forEach(model -> engine.persistence.destroy(model, cascade));
                return Boolean.TRUE;
            });
        }
        catch (RuntimeException | Error ex) {
            restore(models, snapshots);
            throw ex;
        }
        return models;
    }

    // ------------------------------------------------------------ upsert of one model

    public <M extends Model> M upsert(M model, List<String> conflictNames) {
        Objects.requireNonNull(model, "model must not be null");
        ModelInfo info = engine.persistence.writable(model, "upsert");
        if (!engine.persistence.validate(model)) {
            throw new ModelValidationException(info.name(), model.errors());
        }
        List<String> conflict = conflictNames.isEmpty() ? List.of(BulkEngine.requireKey(info, "upsert of " + info.name()).name())
                : conflictNames;
        List<String> names = new ArrayList<>();
        for (ColumnMetadata column : info.metadata().columns()) {
            boolean isConflict = conflict.stream().anyMatch(c -> c.equalsIgnoreCase(column.name()));
            if (isConflict && model.get(column.name()) == null) {
                throw new InvalidDataAccessApiUsageException("upsert of " + info.name() + " needs a value for its conflict column '"
                        + column.name() + "'");
            }
            if (isConflict || model.dirtyColumns().contains(column.name())) {
                names.add(column.name());
            }
        }
        engine.upsertBulk(info.type(), names, List.of(model), conflict, BulkOptions.defaults());
        List<ColumnMetadata> keys = conflict.stream().map(c -> info.metadata().column(c)).toList();
        List<ColumnMetadata> all = info.metadata().columns();
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", all.stream()
                .map(c -> engine.dialect.quote(c.storedName())).toList())).append(" FROM ").append(engine.writer.table(info)).append(" WHERE ");
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append(engine.dialect.quote(keys.get(i).storedName())).append(" = ?");
            values[i] = ValueConverter.convert(model.get(keys.get(i).name()), keys.get(i).kind());
        }
        engine.executor.query(new BoundStatement(sql.toString(), keys.stream().map(ColumnMetadata::binder).toArray(ValueBinder[]::new), values),
                StatementExecutor.Op.of("select", info.metadata().name()), rs -> {
                    if (rs.next()) {
                        ModelWriter.writeStored(model, all, rs);
                    }
                    return null;
                });
        BulkEngine.ACCESS.markStored(model);
        return model;
    }

    // ------------------------------------------------------------ shared

    /** Binds and validates every model before anything is written; all invalid ones are reported together. */
    private List<ModelInfo> check(List<? extends Model> models, String operation, boolean insert) {
        Objects.requireNonNull(models, "models must not be null");
        List<ModelInfo> infos = new ArrayList<>(models.size());
        Map<Integer, Map<String, List<String>>> invalid = new LinkedHashMap<>();
        String firstInvalid = null;
        for (int i = 0; i < models.size(); i++) {
            Model model = models.get(i);
            if (model == null) {
                throw new IllegalArgumentException(operation + ": element " + i + " is null");
            }
            ModelInfo info = engine.persistence.writable(model, operation);
            if (insert != model.isNew()) {
                throw new InvalidDataAccessApiUsageException(operation + ": element " + i + " (" + info.name() + (insert
                        ? " id=" + model.id() + ") is already stored; use updateAll" : ") is new; use insertAll"));
            }
            if ((insert || model.isDirty()) && !engine.persistence.validate(model)) {
                invalid.put(i, model.errors());
                firstInvalid = firstInvalid != null ? firstInvalid : info.name();
            }
            infos.add(info);
        }
        if (!invalid.isEmpty()) {
            throw new BulkValidationException(operation, firstInvalid, invalid);
        }
        return infos;
    }

    private static List<Object> snapshot(List<? extends Model> models) {
        List<Object> snapshots = new ArrayList<>(models.size());
        models.forEach(m -> snapshots.add(BulkEngine.ACCESS.snapshot(m)));
        return snapshots;
    }

    private static void restore(List<? extends Model> models, List<Object> snapshots) {
        for (int i = 0; i < models.size(); i++) {
            BulkEngine.ACCESS.restore(models.get(i), snapshots.get(i));
        }
    }
}
