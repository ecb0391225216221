package dev.modelrepo.internal.write;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionTemplate;

import dev.modelrepo.model.Cascade;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.model.FrozenModelException;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelListener;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.model.ModelValidationException;
import dev.modelrepo.model.ReadOnlyColumnException;
import dev.modelrepo.model.internal.Hook;
import dev.modelrepo.model.internal.KeyColumns;
import dev.modelrepo.model.internal.MaintainedTimestamps;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.Relation;
import dev.modelrepo.model.internal.RegistryAccess;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.query.Condition;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.Q;
import dev.modelrepo.query.internal.CompiledQuery;
import dev.modelrepo.query.internal.QueryCompiler;
import dev.modelrepo.tx.ModelStateTracker;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.query.internal.QueryAccess;

/**
 * The life cycle of model writes: binding a plain {@code new} model to its table, validation, model hooks and
 * {@link ModelListener}s around INSERT/UPDATE/DELETE, destroy with cascade (set-based where no hook must run),
 * and writes by query.
 */
public final class ModelPersistence {

    private static final ModelAccess<Model> ACCESS = ModelAccess.get(Model.class);

    private static final RegistryAccess<ModelRegistry> REGISTRY = RegistryAccess.get(ModelRegistry.class);

    private static final QueryAccess<ModelQuery<?>, ?> QUERIES = QueryAccess.get(ModelQuery.class);

    private final ModelRegistry registry;

    private final ModelWriter writer;

    private final QueryCompiler compiler;

    private final StatementExecutor executor;

    private final List<ModelListener> listeners;

    private final TransactionTemplate required;

    private final Map<Class<?>, Boolean> deleteHooks = new ConcurrentHashMap<>();

    /** Loads models of a query, for children whose delete hooks must run. */
    private final Function<ModelQuery<? extends Model>, List<? extends Model>> loader;

    public ModelPersistence(ModelRegistry registry, ModelWriter writer, StatementExecutor executor, List<ModelListener> listeners,
            TransactionTemplate required, Function<ModelQuery<? extends Model>, List<? extends Model>> loader) {
        this.loader = loader;
        this.registry = registry;
        this.writer = writer;
        this.compiler = new QueryCompiler(registry);
        this.executor = executor;
        this.listeners = List.copyOf(listeners);
        this.required = required;
    }

    /** A new, unsaved model of {@code type} bound to its table, with these column values set (and dirty). */
    public <M extends Model> M build(Class<M> type, Map<String, ?> values) {
        ModelInfo info = REGISTRY.info(registry, type);
        @SuppressWarnings("unchecked")
        M model = (M) ACCESS.newInstance(info);
        ACCESS.bind(model, info.fullLayout());
        if (!values.isEmpty()) {
            values.forEach(model::set);
        }
        return model;
    }

    /** The model's binding, attaching a plain {@code new} model to its table (checking what was set). */
    public ModelInfo bind(Model model) {
        ModelInfo info = REGISTRY.info(registry, model.getClass());
        if (ACCESS.layout(model) == null) {
            ACCESS.bind(model, info.fullLayout());
        }
        return info;
    }

    /** Validates, then INSERTs or UPDATEs with hooks; false when validation failed (nothing written). */
    public boolean save(Model model) {
        // a plain new model is bound to its table on its way to the write: a rollback brings it back unbound
        Object unbound = ACCESS.layout(model) == null && !model.isFrozen() ? ACCESS.snapshot(model) : null;
        ModelInfo info = writable(model, "save");
        boolean insert = model.isNew();
        if (!insert && !model.isDirty()) {
            return true;
        }
        if (!validate(model)) {
            return false;
        }
        if (unbound != null) {
            ModelStateTracker.beforeWrite(model, unbound);
        }
        else {
            ModelStateTracker.beforeWrite(model);
        }
        if (insert) {
            insert(model, info);
        }
        else {
            update(model, info);
        }
        return true;
    }

    public void saveOrThrow(Model model) {
        if (!save(model)) {
            throw new ModelValidationException(model.getClass().getSimpleName(), model.errors());
        }
    }

    /** Deletes the model (and, with {@link Cascade#ALL}, its has-many and has-one children) in one transaction; freezes it. */
    public void destroy(Model model, Cascade cascade) {
        if (model.isFrozen()) {
            throw new FrozenModelException(model, "destroy");
        }
        if (model.isNew()) {
            throw new org.springframework.dao.InvalidDataAccessApiUsageException("Cannot destroy a new "
                    + model.getClass().getSimpleName() + ": it was never saved");
        }
        ModelInfo info = keyed(bind(model), "destroy");
        required.executeWithoutResult(status -> {
            ModelStateTracker.beforeWrite(model);
            fire(model, Hook.BEFORE_DELETE);
            if (cascade == Cascade.ALL) {
                deleteChildren(info, model);
            }
            writer.delete(model, info);
        });
        ACCESS.freeze(model);
        fire(model, Hook.AFTER_DELETE);
    }

    /** Reads a stored model's row again (see {@link ModelWriter#reload}); refuses a new or destroyed model. */
    public void reload(Model model) {
        ModelInfo info = writable(model, "reload");
        if (model.isNew()) {
            throw new org.springframework.dao.InvalidDataAccessApiUsageException("Cannot reload a new "
                    + model.getClass().getSimpleName() + ": it was never saved");
        }
        writer.reload(model, info);
    }

    /** Deletes the children of one parent: loaded and destroyed one by one where hooks must run, set-based otherwise. */
    private void deleteChildren(ModelInfo parent, Model model) {
        for (Relation relation : parent.relations().values()) {
            if (!relation.childKey()) {
                continue;
            }
            ModelInfo child = REGISTRY.info(registry, relation.target());
            List<ColumnMetadata> key = KeyColumns.referenced(relation, parent);
            Condition[] match = new Condition[key.size()];
            for (int i = 0; i < match.length; i++) {
                match[i] = Q.eq("c_." + relation.columns().get(i), model.get(key.get(i).name()));
            }
            ModelQuery<? extends Model> children = ModelQuery.from(ACCESS.type(child), "c_").where(match.length == 1 ? match[0] : Q.and(match));
            deleteSet(child, children, 1);
        }
    }

    /** Deletes the rows of {@code query} (of model {@code info}) and, first, their descendants. */
    private void deleteSet(ModelInfo info, ModelQuery<? extends Model> query, int depth) {
        if (needsLoading(info)) {
            for (Model each : loader.apply(query)) {
                destroy(each, Cascade.ALL);
            }
            return;
        }
        for (Relation relation : info.relations().values()) {
            if (!relation.childKey()) {
                continue;
            }
            ModelInfo child = REGISTRY.info(registry, relation.target());
            String alias = "c" + depth + "_";
            ModelQuery<? extends Model> grandChildren = ModelQuery.from(ACCESS.type(child), alias)
                    .where(CascadeKeys.ofParents(KeyColumns.referenced(relation, info), relation, alias, query));
            deleteSet(child, grandChildren, depth + 1);
        }
        deleteWhere(query, Map.of());
    }


    /** Whether deleting this model must run code: listeners, or a delete hook the class overrides. */
    private boolean needsLoading(ModelInfo info) {
        return !listeners.isEmpty() || deleteHooks.computeIfAbsent(info.type(), t -> overrides(t, "beforeDelete") || overrides(t, "afterDelete"));
    }

    private static boolean overrides(Class<?> type, String method) {
        for (Class<?> c = type; c != null && c != Model.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** UPDATE of the query's rows with these column values (and updated_at). */
    public int updateWhere(ModelQuery<? extends Model> query, Map<String, ?> values, Map<String, ?> params, java.time.Clock clock) {
        ModelInfo info = REGISTRY.info(registry, query.modelType());
        if (values.isEmpty()) {
            throw new org.springframework.dao.InvalidDataAccessApiUsageException("updateWhere of " + info.name() + " needs at least one column value");
        }
        Map<String, Object> bound = new LinkedHashMap<>(params);
        List<ColumnMetadata> set = new ArrayList<>();
        values.forEach((name, value) -> {
            ColumnMetadata column = info.metadata().column(name);
            if (column == null) {
                throw UnknownColumnException.of(info.name(), name, info.metadata().columnNames());
            }
            if (column.generated()) {
                throw new ReadOnlyColumnException(info.name(), column.name());
            }
            set.add(column);
            bound.put(QueryCompiler.SET_PARAMETER + column.name(), value);
        });
        ColumnMetadata updatedAt = MaintainedTimestamps.column(info, info.table().updatedAt());
        if (updatedAt != null && set.stream().noneMatch(c -> c == updatedAt)) {
            set.add(updatedAt);
            bound.put(QueryCompiler.SET_PARAMETER + updatedAt.name(), MaintainedTimestamps.value(updatedAt, clock.instant()));
        }
        CompiledQuery compiled = compiler.compileWrite(QUERIES.shape(query).spec(), set);
        return executor.update(QUERIES.bind(compiled, query, bound), StatementExecutor.Op.of("update", info.metadata().name()));
    }

    /** DELETE of the query's rows. */
    public int deleteWhere(ModelQuery<? extends Model> query, Map<String, ?> params) {
        CompiledQuery compiled = compiler.compileWrite(QUERIES.shape(query).spec(), null);
        return executor.update(QUERIES.bind(compiled, query, params), StatementExecutor.Op.of("delete", compiled.tableName()));
    }

    /** Runs the model's hook method and every listener's for this point of the life cycle. */
    public void fire(Model model, Hook hook) {
        ACCESS.hook(model, hook);
        for (ModelListener listener : listeners) {
            switch (hook) {
                case BEFORE_INSERT -> listener.beforeInsert(model);
                case AFTER_INSERT -> listener.afterInsert(model);
                case BEFORE_UPDATE -> listener.beforeUpdate(model);
                case AFTER_UPDATE -> listener.afterUpdate(model);
                case BEFORE_DELETE -> listener.beforeDelete(model);
                case AFTER_DELETE -> listener.afterDelete(model);
            }
        }
    }

    // ------------------------------------------------------------ the steps of a write, shared by save and bulk *All

    /** The start of every write of a model (save, destroy, bulk insertAll/updateAll): refuses a frozen one, binds a new one. */
    public ModelInfo writable(Model model, String action) {
        if (model.isFrozen()) {
            throw new FrozenModelException(model, action);
        }
        return keyed(bind(model), action);
    }

    /** The info of a model that has a primary key (a view's own refusal comes later, as before); a model without one is read-only. */
    private static ModelInfo keyed(ModelInfo info, String action) {
        if (!info.metadata().isView()) {
            KeyColumns.require(info.name(), info.metadata(), switch (action) {
                case "save" -> "be saved";
                case "destroy" -> "be destroyed";
                default -> "be written by " + action;
            });
        }
        return info;
    }

    /** Clears the model's errors and runs its {@code validate()}; true when it recorded none. */
    public boolean validate(Model model) {
        return ACCESS.validate(model);
    }

    /** INSERT of one validated model with its insert hooks and listeners around. */
    public void insert(Model model, ModelInfo info) {
        fire(model, Hook.BEFORE_INSERT);
        writer.insert(model, info);
        fire(model, Hook.AFTER_INSERT);
    }

    /** UPDATE of one validated model's dirty columns with its update hooks and listeners around (none when nothing was written). */
    public void update(Model model, ModelInfo info) {
        fire(model, Hook.BEFORE_UPDATE);
        if (writer.update(model, info)) {
            fire(model, Hook.AFTER_UPDATE);
        }
    }
}
