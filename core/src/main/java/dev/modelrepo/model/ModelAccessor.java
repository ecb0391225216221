package dev.modelrepo.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.internal.Converters;
import dev.modelrepo.model.internal.Hook;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.RowLayout;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;

/** The {@link ModelAccess} the layers above use to load, bind, snapshot and restore a {@link Model}'s state. */
final class ModelAccessor extends ModelAccess<Model> {

    ModelAccessor() {
        super(Model.class);
    }

    @Override
    public void load(Model model, RowLayout layout, Object[] values) {
        model.layout = layout;
        model.values = values;
        model.persisted = true;
        model.loose = null;
        model.dirty = null;
        model.original = null;
    }

    /** Binds, or (a value set before was refused: unknown column, generated column, wrong type) leaves the model unbound. */
    @Override
    public void bind(Model model, RowLayout layout) {
        if (model.loose == null) {
            bindValues(model, layout);   // nothing set before: nothing to check, nothing that could fail
            return;
        }
        Object unbound = snapshot(model);
        try {
            bindValues(model, layout);
        }
        catch (RuntimeException ex) {
            restore(model, unbound);
            throw ex;
        }
    }

    private static void bindValues(Model model, RowLayout layout) {
        Map<String, @Nullable Object> pending = model.loose;
        Set<String> dirtyNames = pending == null ? Set.of() : model.dirtyColumns();
        model.layout = layout;
        model.values = new Object[layout.size()];
        model.loose = null;
        model.dirty = null;
        model.original = null;
        if (pending != null) {
            pending.forEach((column, value) -> {
                model.set(column, value);
                if (!dirtyNames.contains(column)) {
                    model.dirtyBits().clear(layout.indexOf(column));
                }
            });
        }
    }

    @Override
    public Map<String, @Nullable Object> looseValues(Model model) {
        return model.loose == null ? Map.of() : Collections.unmodifiableMap(model.loose);
    }

    @Override
    public @Nullable RowLayout layout(Model model) {
        return model.layout;
    }

    @Override
    public Converters converters(Model model) {
        return DeclaredConverters.of(model.getClass());
    }

    @Override
    public boolean validate(Model model) {
        model.clearErrors();
        model.validate();
        return !model.hasErrors();
    }

    @Override
    public void hook(Model model, Hook hook) {
        switch (hook) {
            case BEFORE_INSERT -> model.beforeInsert();
            case AFTER_INSERT -> model.afterInsert();
            case BEFORE_UPDATE -> model.beforeUpdate();
            case AFTER_UPDATE -> model.afterUpdate();
            case BEFORE_DELETE -> model.beforeDelete();
            case AFTER_DELETE -> model.afterDelete();
        }
    }

    @Override
    public void write(Model model, String column, @Nullable Object value) {
        RowLayout l = model.layout;
        int i = l == null ? -1 : l.indexOf(column);
        if (i >= 0) {
            model.values[i] = value;
            return;
        }
        if (model.loose == null) {
            model.loose = new LinkedHashMap<>();
        }
        model.loose.put(column.toLowerCase(Locale.ROOT), value);
    }

    @Override
    public void markStored(Model model) {
        model.persisted = true;
        // cleared, not dropped: a model saved again and again reuses them (snapshots hold copies)
        BitSet dirty = model.dirty;
        if (dirty != null) {
            dirty.clear();
        }
        Object[] original = model.original;
        if (original != null) {
            java.util.Arrays.fill(original, null);
        }
    }

    @Override
    public List<ColumnMetadata> dirtyColumns(Model model, TableMetadata table) {
        BitSet dirty = model.dirty;
        if (dirty == null || dirty.isEmpty()) {
            return new ArrayList<>(0);
        }
        RowLayout l = model.layout;
        List<ColumnMetadata> all = table.columns();
        if (l != null && model.loose == null) {
            // the dirty bits are layout indexes: where each is the column's table position, they are the answer in table order
            List<ColumnMetadata> columns = new ArrayList<>(dirty.cardinality());
            for (int i = dirty.nextSetBit(0); i >= 0; i = dirty.nextSetBit(i + 1)) {
                if (i >= l.ownColumns() || i >= all.size() || all.get(i).name() != l.name(i)) {
                    columns = null;
                    break;
                }
                columns.add(all.get(i));
            }
            if (columns != null) {
                return columns;
            }
        }
        List<ColumnMetadata> columns = new ArrayList<>(all.size());
        for (ColumnMetadata column : all) {
            if (model.isDirty(column.name())) {
                columns.add(column);
            }
        }
        return columns;
    }

    @Override
    public void freeze(Model model) {
        model.frozen = true;
    }

    /** A model's state; {@code dirty} is null when nothing was dirty (a bulk write may take 100,000 of these). */
    private record State(@Nullable RowLayout layout, @Nullable Object[] values, @Nullable Map<String, @Nullable Object> loose,
            @Nullable BitSet dirty, @Nullable Object @Nullable [] original, boolean persisted, boolean frozen) {
    }

    @Override
    public Object snapshot(Model model) {
        BitSet dirty = model.dirty;
        return new State(model.layout, model.values.clone(), model.loose == null ? null : new LinkedHashMap<>(model.loose),
                dirty == null || dirty.isEmpty() ? null : (BitSet) dirty.clone(),
                dirty == null || dirty.isEmpty() || model.original == null ? null : model.original.clone(), model.persisted, model.frozen);
    }

    @Override
    public void restore(Model model, Object snapshot) {
        State state = (State) snapshot;
        model.layout = state.layout();
        model.values = state.values().clone();
        model.loose = state.loose() == null ? null : new LinkedHashMap<>(state.loose());
        model.dirty = state.dirty() == null ? null : (BitSet) state.dirty().clone();
        model.original = state.original() == null ? null : state.original().clone();
        model.persisted = state.persisted();
        model.frozen = state.frozen();
    }

    @Override
    public void setRelated(Model model, String relation, @Nullable Object value) {
        LoadedRelations.set(model, relation, value);
    }
}
