package dev.modelrepo.query.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A query's shape (the spec with literals replaced by slots) with its precomputed hash, plus the literal
 * values in render order. Computed once per query object.
 */
public final class QueryShape {

    private final QuerySpec spec;

    private final @Nullable Object[] literals;

    private final int hash;

    private QueryShape(QuerySpec spec, @Nullable Object[] literals) {
        this.spec = spec;
        this.literals = literals;
        this.hash = spec.hashCode();
    }

    public static QueryShape of(QuerySpec spec) {
        List<@Nullable Object> literals = new ArrayList<>();
        QuerySpec shaped = spec.shape(literals);
        return new QueryShape(shaped, literals.toArray());
    }

    public QuerySpec spec() {
        return spec;
    }

    public @Nullable Object[] literals() {
        return literals;
    }

    public int hash() {
        return hash;
    }
}
