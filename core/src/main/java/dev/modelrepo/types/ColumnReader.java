package dev.modelrepo.types;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/** Reads one column of the current row as the Java type of its {@link ColumnKind}. */
@FunctionalInterface
public interface ColumnReader {

    @Nullable Object read(ResultSet rs, int index) throws SQLException;
}
