package dev.modelrepo.repository.internal;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.Q;
import dev.modelrepo.query.internal.Ast;
import dev.modelrepo.query.internal.QueryAccess;

/** Static helpers of the repository's reads: the expected size of a list's result and the query {@code findById} runs. */
final class ReadSupport {

    private static final QueryAccess<ModelQuery<?>, ?> QUERIES = QueryAccess.get(ModelQuery.class);

    private ReadSupport() {
    }

    /**
     * The rows a list probably returns, to size its result: a literal limit (at most 1000), else 10.
     * {@code limit(long)} stores its value as argument-free raw SQL (so it is rendered, not bound).
     */
    static int expectedRows(ModelQuery<?> query) {
        long limit = -1;
        Ast.Expr given = QUERIES.spec(query).limit();
        if (given instanceof Ast.Raw raw && raw.arguments().isEmpty()
                && !raw.sql().isEmpty() && raw.sql().chars().allMatch(c -> c >= '0' && c <= '9')) {
            limit = raw.sql().length() > 18 ? Long.MAX_VALUE : Long.parseLong(raw.sql());
        }
        else if (given instanceof Ast.Literal l && l.value() instanceof Number n) {
            limit = n.longValue();
        }
        return limit > 0 ? (int) Math.min(limit, 1_000) : 10;
    }

    /** The query by primary key (a parameter named {@code id}); the model needs a single-column key. */
    static <M extends Model> ModelQuery<M> byIdQuery(ModelRegistry registry, Class<M> type) {
        var pk = registry.table(type).primaryKey();
        if (pk.size() != 1) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no single-column primary key; it has "
                    + pk.stream().map(c -> c.name()).toList());
        }
        return ModelQuery.from(type, "t").where(Q.eq("t." + pk.get(0).name(), Q.param("id")));
    }
}
