package dev.modelrepo.schema;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How a database tells which columns of a table it writes itself: generated columns (never written, always read
 * back) and columns it sets on every UPDATE. The {@link MetadataReader} asks it once per table; each dialect gives
 * its own through {@link MetadataConventions#generatedColumns()}.
 */
public interface GeneratedColumnDetection {

    /** What the driver's {@code IS_GENERATEDCOLUMN} says, and no column set on update: right where the driver is exact. */
    GeneratedColumnDetection STANDARD = (metadata, catalog, schema, table, reported) -> new GeneratedColumns(reported, Set.of());

    /**
     * The generated and set-on-update columns of a table, by stored name. Catalog queries run on the metadata's own
     * connection ({@link DatabaseMetaData#getConnection()}), as the driver's metadata queries do.
     * @param reported the columns the driver reports as generated ({@code IS_GENERATEDCOLUMN = YES})
     */
    GeneratedColumns detect(DatabaseMetaData metadata, @Nullable String catalog, @Nullable String schema, String table,
            Set<String> reported) throws SQLException;

    /** The columns of one table the database writes itself, by stored name. */
    record GeneratedColumns(Set<String> generated, Set<String> setOnUpdate) {

        public GeneratedColumns {
            generated = Set.copyOf(generated);
            setOnUpdate = Set.copyOf(setOnUpdate);
        }
    }
}
