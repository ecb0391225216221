package dev.modelrepo.model;

import org.springframework.dao.InvalidDataAccessResourceUsageException;

/** The table a model names does not exist in the connected database. */
public class UnknownTableException extends InvalidDataAccessResourceUsageException {

    private final String modelName;

    private final String tableName;

    private final String database;

    public UnknownTableException(String modelName, String tableName, String database) {
        super("Model " + modelName + " maps to table '" + tableName + "', which does not exist in " + database
                + ". Create it in a Liquibase changelog (or Flyway migration) that runs before the model is used, or fix @Table(name).");
        this.modelName = modelName;
        this.tableName = tableName;
        this.database = database;
    }

    /** Several models whose tables are missing, reported at once. */
    public UnknownTableException(java.util.List<UnknownTableException> missing) {
        super(missing.size() + " models map to tables that do not exist:\n" + String.join("\n",
                missing.stream().map(UnknownTableException::getMessage).toList()));
        this.modelName = missing.get(0).modelName;
        this.tableName = missing.get(0).tableName;
        this.database = missing.get(0).database;
    }

    /** The database the table was looked for in (product and URL). */
    public String database() {
        return database;
    }

    public String modelName() {
        return modelName;
    }

    public String tableName() {
        return tableName;
    }
}
