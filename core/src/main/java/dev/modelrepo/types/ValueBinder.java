package dev.modelrepo.types;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/** Binds an already converted value of one {@link ColumnKind} to a statement parameter. */
@FunctionalInterface
public interface ValueBinder {

    void bind(PreparedStatement ps, int index, @Nullable Object value) throws SQLException;
}
