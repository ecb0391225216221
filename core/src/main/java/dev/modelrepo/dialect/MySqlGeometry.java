package dev.modelrepo.dialect;

import java.sql.Types;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import dev.modelrepo.types.ColumnReader;
import dev.modelrepo.types.ValueBinder;

/**
 * MySQL/MariaDB spatial columns as WKB bytes. The server keeps a geometry as a 4-byte little-endian SRID followed by
 * its WKB, and takes the same form in a bound binary value: the reader drops the SRID, the binder writes SRID 0.
 */
final class MySqlGeometry {

    private static final Set<String> TYPES = Set.of("geometry", "point", "linestring", "polygon", "multipoint",
            "multilinestring", "multipolygon", "geometrycollection", "geomcollection");

    private static final int SRID_BYTES = 4;

    static final ColumnReader READER = (rs, i) -> {
        byte[] stored = rs.getBytes(i);
        return stored == null || stored.length < SRID_BYTES ? stored : Arrays.copyOfRange(stored, SRID_BYTES, stored.length);
    };

    static final ValueBinder BINDER = (ps, i, v) -> {
        if (v == null) {
            ps.setNull(i, Types.VARBINARY);
            return;
        }
        byte[] wkb = (byte[]) v;
        byte[] stored = new byte[SRID_BYTES + wkb.length];
        System.arraycopy(wkb, 0, stored, SRID_BYTES, wkb.length);
        ps.setBytes(i, stored);
    };

    private MySqlGeometry() {
    }

    /** Whether a type name (as the driver reports it) is a spatial type. */
    static boolean is(String typeName) {
        return TYPES.contains(typeName.toLowerCase(Locale.ROOT));
    }
}
