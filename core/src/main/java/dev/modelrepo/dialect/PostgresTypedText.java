package dev.modelrepo.dialect;

import java.sql.Types;

import org.postgresql.util.PGobject;

import dev.modelrepo.types.ValueBinder;

/**
 * Text bound with its PostgreSQL type named (a pgjdbc {@link PGobject}), for composite types: an untyped value
 * compared with a composite column is taken as an anonymous record, which the server cannot read ("input of
 * anonymous composite types is not implemented"). The second class that touches pgjdbc; {@link PostgresTypes} loads it
 * only when pgjdbc is on the class path.
 */
final class PostgresTypedText {

    private PostgresTypedText() {
    }

    /** Binds text as a value of the named type. */
    static ValueBinder binder(String typeName) {
        return (ps, i, v) -> {
            if (v == null) {
                ps.setNull(i, Types.OTHER);
                return;
            }
            PGobject typed = new PGobject();
            typed.setType(typeName);
            typed.setValue(v.toString());
            ps.setObject(i, typed);
        };
    }
}
