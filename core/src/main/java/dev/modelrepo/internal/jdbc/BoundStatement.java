package dev.modelrepo.internal.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.types.ValueBinder;

/**
 * Final SQL with its converted values and their binders, in placeholder order; {@code parameters} names the
 * parameter each value came from (null entries, or no array, where none did), for masking logged values.
 */
public record BoundStatement(String sql, ValueBinder[] binders, @Nullable Object[] values, @Nullable String @Nullable [] parameters) {

    public BoundStatement(String sql, ValueBinder[] binders, @Nullable Object[] values) {
        this(sql, binders, values, null);
    }

    public void bindTo(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            binders[i].bind(ps, i + 1, values[i]);
        }
    }
}
