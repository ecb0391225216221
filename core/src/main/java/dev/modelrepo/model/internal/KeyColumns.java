package dev.modelrepo.model.internal;

import java.util.List;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;

/**
 * The primary-key columns of a model's table (one for a single-column key, several for a composite one), and the
 * error every write and key lookup of a model without a primary key raises: such a model is read-only.
 */
public final class KeyColumns {

    private KeyColumns() {
    }

    /**
     * The key columns in key order, or the error that the model has none.
     *
     * @param action what the model cannot do without a key, e.g. {@code "be saved"}
     */
    public static List<ColumnMetadata> require(String model, TableMetadata table, String action) {
        if (table.primaryKey().isEmpty()) {
            throw noKey(model, table, action);
        }
        return table.primaryKey();
    }

    /**
     * "Log has no primary key (table logs): a model without one is read-only and cannot be saved; …", pointing at the
     * set-based writes for a table and at queries only for a view, which refuses every write.
     */
    public static InvalidDataAccessApiUsageException noKey(String model, TableMetadata table, String action) {
        String prefix = model + " has no primary key (" + (table.isView() ? "view " : "table ") + table.name()
                + "): a model without one is read-only and cannot " + action + "; read its rows with queries";
        return new InvalidDataAccessApiUsageException(table.isView() ? prefix + " (a view is read-only)"
                : prefix + " and write them with insertBulk, updateWhere or deleteWhere");
    }

    /**
     * The primary-key columns of {@code referenced} that the relation's foreign-key columns pair with, in order (the
     * target's for a belongs-to, the owner's for a has-many); fails when the relation names another number of columns.
     */
    public static List<ColumnMetadata> referenced(Relation relation, ModelInfo referenced) {
        List<ColumnMetadata> pk = referenced.metadata().primaryKey();
        if (pk.size() != relation.columns().size()) {
            throw new InvalidDataAccessApiUsageException("The relation '" + relation.name() + "' of " + relation.owner().getSimpleName()
                    + " pairs the foreign key " + relation.columns() + " with the primary key " + names(pk) + " of " + referenced.name()
                    + (pk.isEmpty() ? ", which has none" : ": give one foreign-key column per key column, in key order"));
        }
        return pk;
    }

    /** The key column names, e.g. {@code [actor_id, film_id]}. */
    public static List<String> names(List<ColumnMetadata> key) {
        return key.stream().map(ColumnMetadata::name).toList();
    }
}
