package dev.modelrepo.schema;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A column's declared type as the catalog describes it: the name SQL can cast to (schema-qualified where the type is
 * not on the search path, {@code elem[]} for arrays), its {@link TypeCategory}, and for a domain its base type, for an
 * array its element type.
 */
public record DeclaredType(String name, TypeCategory category, @Nullable DeclaredType base) {

    /** A base type known by its name only (what {@link java.sql.DatabaseMetaData} reports). */
    public static DeclaredType of(String name) {
        return new DeclaredType(name, TypeCategory.BASE, null);
    }

    /**
     * Whether the database may store another text than the one written for an equal value, so the written value must
     * be read back: a range's canonical form ({@code [1,9]} → {@code [1,10)}), a composite's quoting, a SET's member order.
     */
    public boolean normalizesText() {
        return category == TypeCategory.RANGE || category == TypeCategory.COMPOSITE || category == TypeCategory.SET;
    }

    /** Whether this type, or the base type of a domain over it, is of the category. */
    public boolean is(TypeCategory wanted) {
        return category == wanted || (category == TypeCategory.DOMAIN && base != null && base.is(wanted));
    }

    /** The type name in lower case, for comparisons with the database's own type names. */
    public String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
