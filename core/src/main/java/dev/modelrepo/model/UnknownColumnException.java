package dev.modelrepo.model;

import java.util.Collection;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A column or alias name that the model's table (or the query) does not have; for relations see {@link UnknownRelationException}. */
public class UnknownColumnException extends InvalidDataAccessApiUsageException {

    private final @Nullable String model;

    private final @Nullable String column;

    public UnknownColumnException(String message) {
        this(message, null, null);
    }

    private UnknownColumnException(String message, @Nullable String model, @Nullable String column) {
        super(message);
        this.model = model;
        this.column = column;
    }

    /** "{model} has no column '{column}'; columns: [...]". */
    public static UnknownColumnException of(String model, String column, Collection<String> existing) {
        return new UnknownColumnException(model + " has no column '" + column + "'; its columns are " + existing, model, column);
    }

    /** The model that has no such column, when known. */
    public @Nullable String model() {
        return model;
    }

    /** The unknown column name as given, when known. */
    public @Nullable String column() {
        return column;
    }
}
