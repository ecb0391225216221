package dev.modelrepo.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.RowLayout;
import dev.modelrepo.types.ValueTypeException;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;

/**
 * The base class of models: one row of the table named by {@link Table}, as column values read from the
 * database, with dirty tracking, validation errors and loaded relations. Column names are matched
 * case-insensitively and reported in lower case. A model is not thread-safe.
 */
public abstract class Model implements ColumnValues {

    static {
        ModelAccess.install(new ModelAccessor());
    }

    // The state fields are package-private: ModelAccessor loads, binds, snapshots and restores them.

    @Nullable RowLayout layout;

    /** Shared by every model until it is bound or loaded (a loaded model gets its row's array at once). */
    private static final @Nullable Object[] NO_VALUES = new Object[0];

    @Nullable Object[] values = NO_VALUES;

    /** Values of columns the layout does not hold: set on a plain {@code new} model or not selected by a query. */
    @Nullable Map<String, @Nullable Object> loose;

    /** Allocated on the first {@code set}: most loaded models are only read. */
    @Nullable BitSet dirty;

    /** The stored values of dirty own columns of a stored model, by layout index ({@link StoredValues}); null until one is changed. */
    @Nullable Object @Nullable [] original;


    boolean persisted;

    boolean frozen;

    private @Nullable Map<String, List<String>> errors;

    /**
     * The name of the one loaded relation, whose value {@link #related} then holds; null when none or several are
     * loaded ({@link LoadedRelations} reads and writes both fields).
     */
    @Nullable String relatedName;

    /**
     * The value of the relation {@link #relatedName} names; with no name, null (none loaded) or the loaded relations in
     * load order as name/value pairs ({@code [name0, value0, name1, value1, ...]}, then nulls). A joined row usually
     * loads one relation, which then costs no array per row.
     */
    @Nullable Object related;

    protected Model() {
    }

    /**
     * The value of a column, of a joined column written {@code "alias.column"}, or at a path through loaded belongs-to and
     * has-one relations ({@code "department.company.name"}); null when not set or not selected, or when a relation on the
     * path is loaded and empty.
     * @throws RelationNotLoadedException when a relation on the path was neither joined nor included
     */
    @SuppressWarnings("unchecked")
    public <T> @Nullable T get(String column) {
        dev.modelrepo.internal.Arguments.notNull(column, "column");
        RowLayout l = layout;
        if (l != null) {
            int i = l.indexOf(column);
            if (i >= 0) {
                return (T) values[i];
            }
        }
        String key = column.toLowerCase(Locale.ROOT);
        if (loose != null && loose.containsKey(key)) {
            return (T) loose.get(key);
        }
        if (column.indexOf('.') > 0) {
            return LoadedRelations.path(this, column);
        }
        TableMetadata table = l != null ? l.table() : null;
        if (table != null && table.column(column) == null) {
            throw unknownColumn(column);
        }
        return null;
    }

    /** The value of a column converted to {@code type} when that is lossless (an Integer read as Long, say). */
    public <T> @Nullable T get(String column, Class<T> type) {
        return TypedValues.as(get(column), type, modelName() + "." + column);
    }

    /**
     * Sets a column and marks it dirty; on a stored model, only when the value differs from the stored one (numbers
     * by value, arrays by content), and a column set back to its stored value is clean again. On a model that knows
     * its table (built or loaded by the repository) an unknown column, a generated one ({@link ReadOnlyColumnException})
     * or a value of the wrong type fails here; on a plain {@code new} model, when it is saved.
     * @return this model, for chaining
     */
    public Model set(String column, @Nullable Object value) {
        dev.modelrepo.internal.Arguments.notNull(column, "column");
        if (frozen) {
            throw new FrozenModelException(this, "set '" + column + "' on");
        }
        RowLayout l = layout;
        TableMetadata table = l != null ? l.table() : null;
        int i = l != null ? l.indexOf(column) : -1;
        Object stored = value;
        if (table != null) {
            ColumnMetadata meta = TableColumns.of(table, l, i, column);
            if (meta == null) {
                throw unknownColumn(column);
            }
            if (meta.generated()) {
                throw new ReadOnlyColumnException(modelName(), meta.name());
            }
            stored = DeclaredConverters.declares(getClass(), meta.name()) ? value : convert(meta, value);
        }
        if (l != null) {
            if (i >= 0 && i < l.ownColumns()) {
                if (persisted && StoredValues.unchanged(this, i, stored)) {
                    return this;
                }
                values[i] = stored;
                dirtyBits().set(i);
                return this;
            }
        }
        if (loose == null) {
            loose = new LinkedHashMap<>();
        }
        String key = column.toLowerCase(Locale.ROOT);
        loose.put(key, stored);
        dirtyBits().set(looseBit(key));
        return this;
    }

    private @Nullable Object convert(ColumnMetadata meta, @Nullable Object value) {
        try {
            return meta.convert(value);
        }
        catch (ValueTypeException ex) {
            throw ex.forColumn(modelName(), meta.name());
        }
    }

    /** Dirty bits of loose values sit after the layout's columns, in insertion order of the loose map. */
    private int looseBit(String key) {
        int base = layout != null ? layout.size() : 0;
        int i = 0;
        for (String k : loose.keySet()) {
            if (k.equals(key)) {
                return base + i;
            }
            i++;
        }
        throw new IllegalStateException(key);
    }

    /** The primary-key value (the {@code id} column when the table is not known yet). */
    public @Nullable Object id() {
        TableMetadata table = layout != null ? layout.table() : null;
        if (table != null && table.primaryKey().size() == 1) {
            return get(table.primaryKey().get(0).name());
        }
        return table != null && table.column("id") == null ? null : get("id");
    }

    /**
     * The primary key with this model's values, one entry per key column ({@code Key[actor_id=1, film_id=23]}); fails
     * when the table has no primary key or is not known yet (a plain {@code new} model before its save).
     */
    public Key key() {
        TableMetadata table = layout != null ? layout.table() : null;
        if (table == null) {
            throw new IllegalStateException(modelName() + ".key() needs the model's table: make it with repo.build(...), or save or load it");
        }
        return Key.ofModel(this, table);
    }

    /** Whether this model has not been stored yet. */
    public boolean isNew() {
        return !persisted;
    }

    public boolean isDirty() {
        return dirty != null && !dirty.isEmpty();
    }

    /** Whether this column was set since the model was loaded or last saved. */
    public boolean isDirty(String column) {
        if (dirty == null) {
            return false;
        }
        RowLayout l = layout;
        int i = l == null ? -1 : l.indexOf(column);
        return i >= 0 ? dirty.get(i) : dirtyColumns().contains(column.toLowerCase(Locale.ROOT));
    }

    BitSet dirtyBits() {
        if (dirty == null) {
            dirty = new BitSet();
        }
        return dirty;
    }

    /** The columns set since the model was loaded or last saved, in lower case. */
    public Set<String> dirtyColumns() {
        Set<String> names = new LinkedHashSet<>();
        if (dirty == null) {
            return Collections.unmodifiableSet(names);
        }
        int layoutSize = layout != null ? layout.size() : 0;
        for (int i = dirty.nextSetBit(0); i >= 0; i = dirty.nextSetBit(i + 1)) {
            if (i < layoutSize) {
                names.add(layout.name(i));
            }
        }
        if (loose != null) {
            int i = layoutSize;
            for (String key : loose.keySet()) {
                if (dirty.get(i++)) {
                    names.add(key);
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /** Takes the current values as the stored ones: no column is dirty. */
    public void clearDirty() {
        dirty = null;
        original = null;
    }

    public boolean isFrozen() {
        return frozen;
    }

    /** Records a validation error for a column; {@link #validate()} calls this. */
    public void addError(String column, String message) {
        if (errors == null) {
            errors = new LinkedHashMap<>();
        }
        errors.computeIfAbsent(column.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(message);
    }

    /** Validation errors by column. */
    public Map<String, List<String>> errors() {
        return errors == null ? Map.of() : Collections.unmodifiableMap(errors);
    }

    public boolean hasErrors() {
        return errors != null && !errors.isEmpty();
    }

    public void clearErrors() {
        errors = null;
    }

    /**
     * A loaded belongs-to or has-one relation (by join or include): the related model, or null when there is none.
     * @throws RelationNotLoadedException when the query that loaded this model neither joined nor included it
     */
    public <T extends Model> @Nullable T related(String relation) {
        return LoadedRelations.one(this, relation);
    }

    /**
     * A loaded has-many relation, direct or through a join model (by join or include); empty when there are none.
     * @throws RelationNotLoadedException when the query that loaded this model neither joined nor included it
     */
    public <T extends Model> List<T> relatedList(String relation) {
        return LoadedRelations.many(this, relation);
    }

    /** Whether the relation was loaded (joined or included), empty or not. */
    public boolean isLoaded(String relation) {
        return LoadedRelations.isLoaded(this, relation);
    }

    /** Whether the layout or the loose values hold this name (a column, or a joined {@code "alias.column"}). */
    boolean holds(String column) {
        return (layout != null && layout.indexOf(column) >= 0) || (loose != null && loose.containsKey(column.toLowerCase(Locale.ROOT)));
    }

    /** The column values (own columns, then joined ones) as an ordered map with lower-case keys. */
    public Map<String, @Nullable Object> toMap() {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        if (layout != null) {
            for (int i = 0; i < layout.size(); i++) {
                map.put(layout.name(i), values[i]);
            }
        }
        if (loose != null) {
            map.putAll(loose);
        }
        return map;
    }

    /**
     * The model as JSON sees it: its column values, then each loaded relation nested under its name (a model,
     * null, or a list of models). Jackson uses it through {@code @JsonValue}.
     */
    @com.fasterxml.jackson.annotation.JsonValue
    public Map<String, @Nullable Object> toJsonMap() {
        Map<String, @Nullable Object> map = toMap();
        if (LoadedRelations.any(this) && layout != null) {
            // joined columns of a loaded relation appear nested under the relation, not also as "alias.column"
            for (int i = layout.ownColumns(); i < layout.size(); i++) {
                String name = layout.name(i);
                int dot = name.indexOf('.');
                if (dot > 0 && LoadedRelations.isLoaded(this, name.substring(0, dot))) {
                    map.remove(name);
                }
            }
        }
        LoadedRelations.forEach(this, (name, value) -> {
            if (value instanceof Model m) {
                map.put(name, m.toJsonMap());
            }
            else if (value instanceof List<?> list) {
                map.put(name, list.stream().map(v -> v instanceof Model m ? m.toJsonMap() : v).toList());
            }
            else {
                map.put(name, value);
            }
        });
        return map;
    }

    /** Checks the model before insert or update; record problems with {@link #addError}. Does nothing by default. */
    protected void validate() {
    }

    protected void beforeInsert() {
    }

    protected void afterInsert() {
    }

    protected void beforeUpdate() {
    }

    protected void afterUpdate() {
    }

    protected void beforeDelete() {
    }

    protected void afterDelete() {
    }

    /** The model's name in messages: its class's simple name. */
    protected String modelName() {
        return getClass().getSimpleName();
    }

    private UnknownColumnException unknownColumn(String column) {
        return UnknownColumnException.of(modelName(), column, columnNames());
    }

    /** The table's columns and the joined ones this model holds. */
    List<String> columnNames() {
        List<String> existing = new ArrayList<>();
        if (layout != null && layout.table() != null) {
            existing.addAll(layout.table().columnNames());
            for (int i = layout.ownColumns(); i < layout.size(); i++) {
                existing.add(layout.name(i));
            }
        }
        return existing;
    }

    @Override
    public String toString() {
        return modelName() + toMap();
    }
}
