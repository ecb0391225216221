package dev.modelrepo.model;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A model that was destroyed is frozen: it refuses {@code set} and {@code save}. */
public class FrozenModelException extends InvalidDataAccessApiUsageException {

    public FrozenModelException(String model, Object id, String action) {
        super("Cannot " + action + " " + model + " id=" + id + ": it was destroyed and is frozen");
    }
}
