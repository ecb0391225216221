package dev.modelrepo.internal.write;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;

/** The columns {@link ModelWriter} reads back after an UPDATE of one model. */
final class UpdateReadBack {

    private UpdateReadBack() {
    }

    /** The columns to read back after an UPDATE: only what the database may have changed (the version, values it rounds or normalizes). */
    static List<ColumnMetadata> readBack(List<ColumnMetadata> columns, @Nullable ColumnMetadata version) {
        List<ColumnMetadata> readBack = new ArrayList<>();
        for (ColumnMetadata column : columns) {
            if (ModelWriter.mayChangeWhenStored(column)) {
                readBack.add(column);
            }
        }
        if (version != null) {
            readBack.add(version);
        }
        return readBack;
    }
}
