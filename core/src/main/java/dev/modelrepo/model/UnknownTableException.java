package dev.modelrepo.model;

import org.springframework.dao.InvalidDataAccessResourceUsageException;

/** The table a model names does not exist in the connected database. */
public class UnknownTableException extends InvalidDataAccessResourceUsageException {

    private final String modelName;

    private final String tableName;

    public UnknownTableException(String modelName, String tableName, String database) {
        super("Model " + modelName + " maps to table '" + tableName + "', which does not exist in " + database
                + ". Create it in a Liquibase changelog (or Flyway migration) that runs before the model is used, or fix @Table(name).");
        this.modelName = modelName;
        this.tableName = tableName;
    }

    public String modelName() {
        return modelName;
    }

    public String tableName() {
        return tableName;
    }
}
