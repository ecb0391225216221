package dev.modelrepo.bulk.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.model.Cascade;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelValidationException;
import dev.modelrepo.model.internal.Hook;
import dev.modelrepo.model.internal.KeyColumns;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.internal.write.ModelWriter;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.tx.ModelStateTracker;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.types.ValueConverter;

/**
 * The model-by-model bulk writes ({@code insertAll}, {@code updateAll}, {@code deleteAll}) with validation, hooks
 * and listeners through {@code ModelPersistence}, and {@code upsert} of one model. Models are validated before
 * anything is written, and get their previous state back when the operation fails or its transaction rolls back.
 */
public final class ModelBulk {

    private final BulkEngine engine;

    public ModelBulk(BulkEngine engine) {
        this.engine = engine;
    }

    // ------------------------------------------------------------ insertAll

    public <M extends Model> List<M> insertAll(List<M> models, BulkSettings options) {
        Undo undo = new Undo(models, "insertAll");       // before check() binds plain new models to their tables
        List<ModelInfo> infos = check(models, "insertAll", true);
        try {
            engine.inTransaction(() -> label("insertAll", models), options, () -> {
                undo.begin();
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
                options.progressDone();
                for (int i = 0; i < models.size(); i++) {
                    engine.writer.readTriggerWrites(models.get(i), infos.get(i));
                }
                for (M model : models) {
                    engine.persistence.fire(model, Hook.AFTER_INSERT);
                }
                return Boolean.TRUE;
            });
        }
        catch (RuntimeException | Error ex) {
            undo.restore(i -> !models.get(i).isNew());
            throw ex;
        }
        return models;
    }

    // ------------------------------------------------------------ updateAll / deleteAll

    public <M extends Model> List<M> updateAll(List<M> models, BulkSettings options) {
        List<ModelInfo> infos = check(models, "updateAll", false);
        // as save: a clean model is neither validated, hooked nor written
        List<Integer> dirty = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).isDirty()) {
                dirty.add(i);
            }
        }
        Undo undo = new Undo(dirty.stream().map(models::get).toList(), "updateAll");
        int[] done = { 0 };
        try {
            engine.inTransaction(() -> label("updateAll", models), options, () -> {
                undo.begin();
                for (int i : dirty) {
                    engine.persistence.update(models.get(i), infos.get(i));
                    done[0]++;
                    reportEveryBatch(options, i + 1);
                }
                options.progressDone();
                return Boolean.TRUE;
            });
        }
        catch (RuntimeException | Error ex) {
            undo.restore(i -> i < done[0]);
            throw ex;
        }
        return models;
    }

    public <M extends Model> List<M> deleteAll(List<M> models, Cascade cascade, BulkSettings options) {
        Objects.requireNonNull(cascade, "cascade must not be null");
        Undo undo = new Undo(models, "deleteAll");
        int[] done = { 0 };
        try {
            engine.inTransaction(() -> label("deleteAll", models), options, () -> {
                undo.begin();
                for (M model : models) {
                    engine.persistence.destroy(model, cascade);
                    done[0]++;
                    reportEveryBatch(options, done[0]);
                }
                options.progressDone();
                return Boolean.TRUE;
            });
        }
        catch (RuntimeException | Error ex) {
            undo.restore(i -> i < done[0]);
            throw ex;
        }
        return models;
    }

    /** Row-by-row work reports after each batch size of models, as the chunked paths do after each chunk. */
    private static void reportEveryBatch(BulkSettings options, int handled) {
        if (handled % options.batchSize() == 0) {
            options.progressTo(handled);
        }
    }

    // ------------------------------------------------------------ upsert of one model

    public <M extends Model> M upsert(M model, List<String> conflictNames) {
        Objects.requireNonNull(model, "model must not be null");
        Undo undo = new Undo(List.of(model), "upsert");
        ModelInfo info = engine.persistence.writable(model, "upsert");
        if (!engine.persistence.validate(model)) {
            throw new ModelValidationException(info.name(), model.errors());
        }
        List<String> conflict = conflictNames.isEmpty() ? KeyColumns.names(BulkEngine.requireKey(info, "upsert")) : conflictNames;
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
        try {
            // the read-back belongs to the write's transaction: the model follows it if that transaction rolls back
            engine.inTransaction("upsert of " + info.name(), BulkSettings.DEFAULTS, () -> {
                undo.begin();
                engine.upsertBulk(BulkEngine.ACCESS.type(info), names, List.of(model), conflict, BulkSettings.DEFAULTS);
                readBack(model, info, conflict);
                return Boolean.TRUE;
            });
        }
        catch (RuntimeException | Error ex) {
            undo.restore(i -> false);
            throw ex;
        }
        return model;
    }

    /** SELECT of the upserted row by its conflict columns, written into the model, which is then stored and clean. */
    private void readBack(Model model, ModelInfo info, List<String> conflict) {
        List<ColumnMetadata> keys = conflict.stream().map(c -> info.metadata().column(c)).toList();
        List<ColumnMetadata> all = info.metadata().columns();
        String sql = engine.writer.sql().selectByKey(engine.writer.table(info), all, keys);
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            values[i] = ValueConverter.convert(model.get(keys.get(i).name()), keys.get(i).kind());
        }
        engine.executor.query(new BoundStatement(sql, keys.stream().map(ColumnMetadata::binder).toArray(ValueBinder[]::new), values),
                StatementExecutor.Op.of("select", info.metadata().name()), rs -> {
                    if (rs.next()) {
                        ModelWriter.writeStored(model, all, rs);
                    }
                    return null;
                });
        BulkEngine.ACCESS.markStored(model);
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
            throw new InvalidModels(operation, firstInvalid, invalid);
        }
        return infos;
    }

    /** "insertAll of User" (of "User, Company" for models of several classes), for errors. */
    private static String label(String operation, List<? extends Model> models) {
        List<String> names = models.stream().map(m -> m.getClass().getSimpleName()).distinct().limit(4).toList();
        return names.isEmpty() ? operation : operation + " of " + String.join(", ", names.size() > 3 ? names.subList(0, 3) : names)
                + (names.size() > 3 ? " and others" : "");
    }

    /**
     * The state of the models a call writes, taken before it changes them. Inside the call's transaction they are handed
     * to the transaction's {@link ModelStateTracker} (so the models follow a rollback of that transaction or of an
     * enclosing one), and a failed call gives them back at once: all of them when a transaction held the writes (it is
     * rolled back), else only those not written for good (each statement committed on its own).
     */
    private static final class Undo {

        private final List<? extends Model> models;

        private final List<Object> states;

        private boolean transactional = true;

        Undo(List<? extends Model> models, String operation) {
            Objects.requireNonNull(models, "models must not be null");
            this.models = models;
            this.states = new ArrayList<>(models.size());
            for (int i = 0; i < models.size(); i++) {
                Model model = models.get(i);
                if (model == null) {
                    throw new IllegalArgumentException(operation + ": element " + i + " is null");
                }
                states.add(BulkEngine.ACCESS.snapshot(model));
            }
        }

        /** Called first inside the call's transaction scope. */
        void begin() {
            transactional = TransactionSynchronizationManager.isActualTransactionActive();
            if (transactional) {
                ModelStateTracker.beforeWrite(models, states);
            }
        }

        void restore(IntPredicate writtenForGood) {
            for (int i = 0; i < models.size(); i++) {
                if (transactional || !writtenForGood.test(i)) {
                    BulkEngine.ACCESS.restore(models.get(i), states.get(i));
                }
            }
        }
    }
}
