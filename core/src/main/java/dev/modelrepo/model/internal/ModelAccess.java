package dev.modelrepo.model.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.Model;

/**
 * The repository's way into a model's state, which is not public API. {@link Model} installs the one
 * implementation when its class is initialised.
 */
public abstract class ModelAccess {

    private static volatile @Nullable ModelAccess instance;

    public static ModelAccess get() {
        ModelAccess access = instance;
        if (access == null) {
            try {
                Class.forName(Model.class.getName(), true, Model.class.getClassLoader());
            }
            catch (ClassNotFoundException ex) {
                throw new IllegalStateException(ex);
            }
            access = instance;
        }
        return java.util.Objects.requireNonNull(access);
    }

    public static void install(ModelAccess access) {
        instance = access;
    }

    /** Gives a freshly instantiated model the values of a loaded row; it is then stored and clean. */
    public abstract void load(Model model, RowLayout layout, Object[] values);

    /** Gives a new model its table layout, keeping values set so far (validated against the table). */
    public abstract void bind(Model model, RowLayout layout);

    /** The values set before the model knew its table (a plain {@code new}); empty when bound. */
    public abstract Map<String, @Nullable Object> looseValues(Model model);

    public abstract @Nullable RowLayout layout(Model model);

    public abstract void setRelated(Model model, String relation, @Nullable Object value);

    /** Clears the errors, runs {@code validate()}, and says whether the model is valid. */
    public abstract boolean validate(Model model);

    /** Runs the model's own hook method. */
    public abstract void hook(Model model, Hook hook);

    /** Writes a value without marking it dirty (values the database stored). */
    public abstract void write(Model model, String column, @Nullable Object value);

    /** Marks the model stored (not new) and clean. */
    public abstract void markStored(Model model);

    /** Marks the model destroyed: frozen. */
    public abstract void freeze(Model model);

    /** A copy of the model's state, to restore when a transaction rolls back. */
    public abstract Object snapshot(Model model);

    /** Restores a state taken by {@link #snapshot}. */
    public abstract void restore(Model model, Object snapshot);
}
