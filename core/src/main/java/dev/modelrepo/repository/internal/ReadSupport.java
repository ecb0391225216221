package dev.modelrepo.repository.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.model.Key;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.KeyColumns;
import dev.modelrepo.query.Condition;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.Q;
import dev.modelrepo.query.internal.QueryAccess;

/** Static helpers of the repository's reads: the queries {@code findById} runs and their parameters. */
final class ReadSupport {

    private ReadSupport() {
    }

    /** The rows a list probably returns, to size its result: a literal limit (at most 1000), else 10; computed once per query. */
    static int expectedRows(ModelQuery<?> query) {
        return QueryAccess.get(ModelQuery.class).shape(query).expectedRows();
    }

    /** The query by primary key (a parameter named {@code id}); the model needs a single-column key. */
    static <M extends Model> ModelQuery<M> byIdQuery(ModelRegistry registry, Class<M> type) {
        var pk = key(registry, type, "be found by id");
        if (pk.size() != 1) {
            String pairs = pk.stream().map(c -> "\"" + c.name() + "\", …").collect(java.util.stream.Collectors.joining(", "));
            throw new InvalidDataAccessApiUsageException(type.getSimpleName() + " has the composite primary key " + KeyColumns.names(pk)
                    + ": find it by a Key, findById(" + type.getSimpleName() + ".class, Key.of(" + pairs + "))");
        }
        return ModelQuery.from(type, "t").where(Q.eq("t." + pk.get(0).name(), Q.param("id")));
    }

    /** The query by every primary-key column, each a parameter named {@code k_<column>}. */
    static <M extends Model> ModelQuery<M> byKeyQuery(ModelRegistry registry, Class<M> type) {
        var pk = key(registry, type, "be found by key");
        Condition[] parts = pk.stream().map(c -> Q.eq("t." + c.name(), Q.param("k_" + c.name()))).toArray(Condition[]::new);
        return ModelQuery.from(type, "t").where(parts.length == 1 ? parts[0] : Q.and(parts));
    }

    /** The parameters of {@link #byKeyQuery} for this key, which must name exactly the primary-key columns, each with a value. */
    static Map<String, Object> keyParameters(ModelRegistry registry, Class<? extends Model> type, Key key) {
        var pk = key(registry, type, "be found by key");
        if (key.size() != pk.size() || !pk.stream().allMatch(c -> key.has(c.name()))) {
            throw new InvalidDataAccessApiUsageException(type.getSimpleName() + " has the primary key " + KeyColumns.names(pk)
                    + "; the key " + key + " does not name exactly these columns");
        }
        Map<String, Object> params = new HashMap<>();
        for (ColumnMetadata column : pk) {
            Object value = key.get(column.name());
            if (value == null) {
                throw new InvalidDataAccessApiUsageException("The key " + key + " of " + type.getSimpleName() + " has no value for "
                        + column.name());
            }
            params.put("k_" + column.name(), value);
        }
        return params;
    }

    private static List<ColumnMetadata> key(ModelRegistry registry, Class<? extends Model> type, String action) {
        return KeyColumns.require(type.getSimpleName(), registry.table(type), action);
    }
}
