package dev.modelrepo.dialect;

import java.sql.Types;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.DeclaredType;
import dev.modelrepo.schema.TypeCategory;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.types.ValueConverter;

/**
 * PostgreSQL's built-in type names and what the dialect does with the others: text-like columns of a type the schema
 * defined (enum, domain, citext, composite, range) are bound untyped ({@code Types.OTHER}), so that the server gives
 * the value the column's type, and arrays of such elements travel as array literals the same way.
 */
final class PostgresTypes {

    /** The built-in text types, which a {@code setString} (varchar) binds to without a cast. */
    static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "bpchar", "char", "name", "character varying",
            "character");

    private static final Map<String, ColumnKind> BUILT_IN = Map.ofEntries(Map.entry("int2", ColumnKind.INTEGER),
            Map.entry("int4", ColumnKind.INTEGER), Map.entry("int8", ColumnKind.BIGINT), Map.entry("numeric", ColumnKind.DECIMAL),
            Map.entry("float4", ColumnKind.DOUBLE), Map.entry("float8", ColumnKind.DOUBLE), Map.entry("bool", ColumnKind.BOOLEAN),
            Map.entry("text", ColumnKind.STRING), Map.entry("varchar", ColumnKind.STRING), Map.entry("bpchar", ColumnKind.STRING),
            Map.entry("name", ColumnKind.STRING), Map.entry("date", ColumnKind.DATE), Map.entry("time", ColumnKind.TIME),
            Map.entry("timestamp", ColumnKind.TIMESTAMP), Map.entry("timestamptz", ColumnKind.TIMESTAMP_TZ),
            Map.entry("bytea", ColumnKind.BYTES), Map.entry("uuid", ColumnKind.UUID), Map.entry("json", ColumnKind.JSON),
            Map.entry("jsonb", ColumnKind.JSON));

    /** An array literal bound untyped: the server reads it as the array type its position needs. */
    static final ValueBinder ARRAY_LITERAL = (ps, i, v) -> {
        if (v == null) {
            ps.setNull(i, Types.OTHER);
        }
        else {
            ps.setObject(i, PostgresText.arrayLiteral((Object[]) ValueConverter.convert(v, ColumnKind.ARRAY)), Types.OTHER);
        }
    };

    /** Text bound untyped: the server reads it as the column's enum, domain, citext, composite or range. */
    static final ValueBinder UNTYPED_TEXT = (ps, i, v) -> {
        if (v == null) {
            ps.setNull(i, Types.OTHER);
        }
        else {
            ps.setObject(i, v.toString(), Types.OTHER);
        }
    };

    private static final boolean PGJDBC = org.springframework.util.ClassUtils.isPresent("org.postgresql.util.PGobject",
            PostgresTypes.class.getClassLoader());

    private PostgresTypes() {
    }

    /**
     * The binder of a text-like column of a type the schema defined: composites with their type named (an untyped
     * value would be read as an anonymous record), the others untyped.
     */
    static ValueBinder textBinder(ColumnMetadata column) {
        return column.declaredType().category() == TypeCategory.COMPOSITE && PGJDBC ? PostgresTypedText.binder(castName(column))
                : UNTYPED_TEXT;
    }

    /** The kind of a declared type that DatabaseMetaData cannot tell (a domain's is its base type's), or null. */
    static @Nullable ColumnKind kindOf(DeclaredType type) {
        return switch (type.category()) {
            case ENUM, TEXT, COMPOSITE, RANGE, SET -> ColumnKind.STRING;
            case ARRAY -> ColumnKind.ARRAY;
            case DOMAIN -> type.base() == null ? null : baseKind(type.base());
            case BASE -> null;
        };
    }

    private static ColumnKind baseKind(DeclaredType base) {
        ColumnKind kind = BUILT_IN.get(base.lowerName());
        if (kind != null) {
            return kind;
        }
        kind = kindOf(base);
        return kind != null ? kind : ColumnKind.OTHER;
    }

    /** Whether values of the column are text of a type the schema or an extension defined (enum, domain, citext, …). */
    static boolean isCustomText(@Nullable ColumnMetadata column) {
        return column != null && column.kind() == ColumnKind.STRING
                && !TEXT_TYPES.contains(column.typeName().toLowerCase(Locale.ROOT));
    }

    /** Whether the array column's elements are of a built-in type, which pgjdbc's {@code createArrayOf} encodes. */
    static boolean hasBuiltInElements(ColumnMetadata column) {
        DeclaredType element = column.declaredType().base();
        String name = element != null ? element.lowerName()
                : column.typeName().startsWith("_") ? column.typeName().substring(1).toLowerCase(Locale.ROOT) : "";
        return BUILT_IN.containsKey(name) || (element == null && column.declaredType().category() == TypeCategory.BASE);
    }

    /**
     * The name a cast to the column's type is written with: the type name pgjdbc reports ({@code _text},
     * {@code mpaa_rating}) when that one names it, else the catalog's qualified or quoted name.
     */
    static String castName(ColumnMetadata column) {
        String declared = column.declaredType().name();
        String reported = column.typeName();
        boolean same = declared.equals(reported) || (reported.startsWith("_") && declared.equals(reported.substring(1) + "[]"));
        return same || column.declaredType().category() == TypeCategory.BASE ? reported : declared;
    }
}
