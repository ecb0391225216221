package dev.modelrepo.repository.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the current row of a result into one value (a model, a map, a record), as a cursor advances. */
@FunctionalInterface
public interface RowReader<T> {

    T read(ResultSet rs) throws SQLException;
}
