package dev.modelrepo.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.internal.RowLayout;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;

/** Finds the table column a model's {@code set} names, by its layout index where that is its table position. */
final class TableColumns {

    private TableColumns() {
    }

    /**
     * The column of {@code table} named {@code column}, which the layout holds at index {@code i} (-1: not held): taken
     * by position when the layout holds it at its table position (a layout of all the table's columns, as a built model
     * has), else looked up by name; null when the table has no such column.
     */
    static @Nullable ColumnMetadata of(TableMetadata table, RowLayout layout, int i, String column) {
        if (i >= 0 && i < layout.ownColumns()) {
            List<ColumnMetadata> columns = table.columns();
            // both names are interned: the same instance when this is the column
            if (i < columns.size() && columns.get(i).name() == layout.name(i)) {
                return columns.get(i);
            }
        }
        return table.column(column);
    }
}
