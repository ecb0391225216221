package dev.modelrepo.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;

import dev.modelrepo.types.ValueBinder;

/** The binders of numbers and booleans as their primitive JDBC setters, NULL with the matching SQL type. */
final class StandardBinders {

    static final ValueBinder INTEGER = (ps, i, v) -> {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        }
        else {
            ps.setInt(i, (Integer) v);
        }
    };

    static final ValueBinder BIGINT = (ps, i, v) -> {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        }
        else {
            ps.setLong(i, (Long) v);
        }
    };

    static final ValueBinder DOUBLE = (ps, i, v) -> {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        }
        else {
            ps.setDouble(i, (Double) v);
        }
    };

    static final ValueBinder BOOLEAN = (ps, i, v) -> {
        if (v == null) {
            ps.setNull(i, Types.BOOLEAN);
        }
        else {
            ps.setBoolean(i, (Boolean) v);
        }
    };

    /** A BigInteger as a decimal, which every driver takes for an unsigned 64-bit column. */
    static final ValueBinder BIGINT_UNSIGNED = (ps, i, v) -> {
        if (v == null) {
            ps.setNull(i, Types.NUMERIC);
        }
        else {
            ps.setBigDecimal(i, new BigDecimal((BigInteger) v));
        }
    };

    private StandardBinders() {
    }
}
