package dev.modelrepo.bulk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.model.ReadOnlyColumnException;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.model.internal.MaintainedTimestamps;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.schema.ColumnMetadata;

/** Columns of a bulk call with the caller's names (Map keys) and fixed values (added timestamps). */
final class BulkColumns {

    final List<ColumnMetadata> list = new ArrayList<>();

    final List<String> keys = new ArrayList<>();

    final List<@Nullable Object> fixed = new ArrayList<>();

    static BulkColumns of(ModelInfo info, List<String> names, String label) {
        Objects.requireNonNull(names, "columns must not be null");
        if (names.isEmpty()) {
            throw new InvalidDataAccessApiUsageException(label + " needs at least one column");
        }
        BulkColumns columns = new BulkColumns();
        for (String name : names) {
            ColumnMetadata column = name == null ? null : info.metadata().column(name);
            if (column == null) {
                throw UnknownColumnException.of(info.name(), String.valueOf(name), info.metadata().columnNames());
            }
            if (column.generated()) {
                throw new ReadOnlyColumnException(info.name(), column.name());
            }
            if (columns.list.contains(column)) {
                throw new InvalidDataAccessApiUsageException(label + ": column '" + name + "' is given twice in " + names);
            }
            columns.add(column, name, RowSource.FROM_ELEMENT);
        }
        return columns;
    }

    void add(ColumnMetadata column, String key, @Nullable Object value) {
        list.add(column);
        keys.add(key);
        fixed.add(value);
    }

    /** Adds created_at and updated_at (timestamp columns the table has and the caller did not list) set to now. */
    void addTimestamps(ModelInfo info, Supplier<java.time.Instant> now) {
        for (String name : List.of(info.table().createdAt(), info.table().updatedAt())) {
            ColumnMetadata column = BulkEngine.timestamp(info, name);
            if (column != null && !list.contains(column)) {
                add(column, column.name(), MaintainedTimestamps.value(column, now.get()));
            }
        }
    }

    RowSource source(String label, Class<?> type, List<?> rows, boolean skipMismatches) {
        Objects.requireNonNull(rows, "rows must not be null");
        return new RowSource(label, type, rows, list, keys.toArray(String[]::new), fixed.toArray(), skipMismatches);
    }
}
