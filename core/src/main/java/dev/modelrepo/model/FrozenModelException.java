package dev.modelrepo.model;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A model that was destroyed is frozen: it refuses {@code set} and {@code save}. */
public class FrozenModelException extends InvalidDataAccessApiUsageException {

    /** The model named by its id ({@code id=5}), or by its {@link Key} when {@code id} is one. */
    public FrozenModelException(String model, @Nullable Object id, String action) {
        super("Cannot " + action + " " + model + " " + (id instanceof Key key ? key.toString() : "id=" + id)
                + ": it was destroyed and is frozen");
    }

    /** The model named by its id, or by its whole key when the key has several columns. */
    public FrozenModelException(Model model, String action) {
        this(model.modelName(), identity(model), action);
    }

    private static @Nullable Object identity(Model model) {
        try {
            Key key = model.key();
            return key.size() > 1 ? key : model.id();
        }
        catch (IllegalStateException noTable) {
            return model.id();
        }
    }
}
