package dev.modelrepo.model;

import java.util.Collection;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A column or alias name that the model's table (or the query) does not have; for relations see {@link UnknownRelationException}. */
public class UnknownColumnException extends InvalidDataAccessApiUsageException {

    public UnknownColumnException(String message) {
        super(message);
    }

    /** "{model} has no column '{column}'; columns: [...]". */
    public static UnknownColumnException of(String model, String column, Collection<String> existing) {
        return new UnknownColumnException(model + " has no column '" + column + "'; its columns are " + existing);
    }
}
