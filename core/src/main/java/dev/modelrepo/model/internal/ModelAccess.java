package dev.modelrepo.model.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The layers' way into a model's state, which is not public API. The public model class installs the one
 * implementation from its static initialiser; callers hold it as {@code ModelAccess.get(<model class>)}.
 *
 * @param <M> the public model class
 */
public abstract class ModelAccess<M> {

    private static final AccessorSlot<ModelAccess<?>> SLOT = new AccessorSlot<>("ModelAccess");

    private final Class<M> type;

    protected ModelAccess(Class<M> type) {
        this.type = type;
    }

    /** The accessor of the model class {@code type}, which is initialised first (its static initialiser installs it). */
    @SuppressWarnings("unchecked")
    public static <M> ModelAccess<M> get(Class<M> type) {
        return (ModelAccess<M>) SLOT.get(type);
    }

    /** Installs the one accessor; a second install fails. */
    public static void install(ModelAccess<?> access) {
        SLOT.install(access.type, access);
    }

    /** A new, empty instance of the info's model class. */
    @SuppressWarnings("unchecked")
    public final M newInstance(ModelInfo info) {
        // the info was built for a subclass of M (the declarations reader checked it); callers' casts check it again
        return (M) info.newInstance();
    }

    /** The info's model class, as a subclass of M. */
    public final Class<? extends M> type(ModelInfo info) {
        return info.type().asSubclass(type);
    }

    /** Gives a model (fresh, or one reloaded) the values of a loaded row; it is then stored and clean, unsaved changes gone. */
    public abstract void load(M model, RowLayout layout, Object[] values);

    /** Gives a new model its table layout, keeping values set so far (validated against the table). */
    public abstract void bind(M model, RowLayout layout);

    /** The values set before the model knew its table (a plain {@code new}); empty when bound. */
    public abstract Map<String, @Nullable Object> looseValues(M model);

    public abstract @Nullable RowLayout layout(M model);

    /** The converters its class declares for its columns. */
    public abstract Converters converters(M model);

    public abstract void setRelated(M model, String relation, @Nullable Object value);

    /** Clears the errors, runs {@code validate()}, and says whether the model is valid. */
    public abstract boolean validate(M model);

    /** Runs the model's own hook method. */
    public abstract void hook(M model, Hook hook);

    /** Writes a value without marking it dirty (values the database stored). */
    public abstract void write(M model, String column, @Nullable Object value);

    /** Marks the model stored (not new) and clean. */
    public abstract void markStored(M model);

    /** The columns of {@code table} that are dirty on the model, in table order. */
    public abstract java.util.List<dev.modelrepo.schema.ColumnMetadata> dirtyColumns(M model, dev.modelrepo.schema.TableMetadata table);

    /** Marks the model destroyed: frozen. */
    public abstract void freeze(M model);

    /** A copy of the model's state, to restore when a transaction rolls back. */
    public abstract Object snapshot(M model);

    /** Restores a state taken by {@link #snapshot}. */
    public abstract void restore(M model, Object snapshot);
}
