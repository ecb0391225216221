package dev.modelrepo.internal.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.types.ValueBinder;

/** Final SQL with its converted values and their binders, in placeholder order. */
public record BoundStatement(String sql, ValueBinder[] binders, @Nullable Object[] values) {

    public void bindTo(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            binders[i].bind(ps, i + 1, values[i]);
        }
    }
}
