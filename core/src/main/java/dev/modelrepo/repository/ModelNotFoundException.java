package dev.modelrepo.repository;

import org.springframework.dao.EmptyResultDataAccessException;

/**
 * {@link ModelRepository#getById} found no row with the key: an {@link EmptyResultDataAccessException} that names the
 * model and the key (404 in the web mapping).
 */
public class ModelNotFoundException extends EmptyResultDataAccessException {

    private final String model;

    private final transient Object id;

    public ModelNotFoundException(String model, Object id) {
        super("No " + model + " with id " + id, 1);
        this.model = model;
        this.id = id;
    }

    /** The model's name (its class's simple name). */
    public String model() {
        return model;
    }

    /** The key that was looked for. */
    public Object id() {
        return id;
    }
}
