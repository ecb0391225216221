package dev.modelrepo.model;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A value given for a column only the database writes (a generated column): refused by {@code set}, {@code build} and
 * the bulk operations before any SQL is sent. Its value is read back after every insert and update.
 */
public class ReadOnlyColumnException extends InvalidDataAccessApiUsageException {

    private final String modelName;

    private final String column;

    public ReadOnlyColumnException(String modelName, String column) {
        super(modelName + "." + column + " is a generated column: the database computes it, so it cannot be set or written;"
                + " its value is read back after every insert and update");
        this.modelName = modelName;
        this.column = column;
    }

    public String modelName() {
        return modelName;
    }

    /** The column, in lower case. */
    public String column() {
        return column;
    }
}
