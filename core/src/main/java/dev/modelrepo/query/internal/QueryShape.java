package dev.modelrepo.query.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A query's shape (the spec with literals replaced by slots) with its precomputed hash, plus the literal
 * values in render order and the rows a list of it probably returns. Computed once per query object, which also
 * remembers here the compiled query the cache last gave it per purpose ({@link CompiledQueryCache}).
 */
public final class QueryShape {

    private final QuerySpec spec;

    private final @Nullable Object[] literals;

    private final int hash;

    private final int expectedRows;

    /**
     * The cache's last answer per purpose (by ordinal), each an immutable {@link CompiledQueryCache.Remembered}: written
     * without locks, so a thread may miss another's entry and ask the cache, never see half of one.
     */
    private CompiledQueryCache.@Nullable Remembered @Nullable [] remembered;

    private QueryShape(QuerySpec spec, @Nullable Object[] literals, int expectedRows) {
        this.spec = spec;
        this.literals = literals;
        this.hash = spec.hashCode();
        this.expectedRows = expectedRows;
    }

    public static QueryShape of(QuerySpec spec) {
        List<@Nullable Object> literals = new ArrayList<>();
        QuerySpec shaped = spec.shape(literals);
        return new QueryShape(shaped, literals.toArray(), expectedRows(spec.limit()));
    }

    /**
     * The rows a list probably returns, to size its result: a literal limit (at most 1000), else 10.
     * {@code limit(long)} stores its value as argument-free raw SQL (so it is rendered, not bound).
     */
    private static int expectedRows(Ast.@Nullable Expr given) {
        long limit = -1;
        if (given instanceof Ast.Raw raw && raw.arguments().isEmpty() && !raw.sql().isEmpty() && digits(raw.sql())) {
            limit = raw.sql().length() > 18 ? Long.MAX_VALUE : Long.parseLong(raw.sql());
        }
        else if (given instanceof Ast.Literal l && l.value() instanceof Number n) {
            limit = n.longValue();
        }
        return limit > 0 ? (int) Math.min(limit, 1_000) : 10;
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The rows a list of the query probably returns (its literal limit, at most 1000; else 10), to size the result. */
    public int expectedRows() {
        return expectedRows;
    }

    CompiledQueryCache.@Nullable Remembered remembered(Purpose purpose) {
        CompiledQueryCache.Remembered[] r = remembered;
        return r == null ? null : r[purpose.ordinal()];
    }

    void remember(Purpose purpose, CompiledQueryCache.Remembered entry) {
        CompiledQueryCache.Remembered[] r = remembered;
        if (r == null) {
            r = new CompiledQueryCache.Remembered[Purpose.values().length];
            remembered = r;
        }
        r[purpose.ordinal()] = entry;
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
