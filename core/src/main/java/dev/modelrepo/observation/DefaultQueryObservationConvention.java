package dev.modelrepo.observation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.common.KeyValues;

/**
 * Names the observation {@code modelrepo.query} with the low-cardinality tags operation, model, dialect,
 * outcome, error and cache; the SQL text is only a high-cardinality key ({@code db.query.text}), for traces.
 */
public class DefaultQueryObservationConvention implements QueryObservationConvention {

    public static final String NAME = "modelrepo.query";

    public static final DefaultQueryObservationConvention INSTANCE = new DefaultQueryObservationConvention();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(QueryContext context) {
        return context.operation() + " " + context.model();
    }

    /** The tag values of one kind of statement; there are few (operations × models × dialects × outcomes). */
    private record StatementKind(String operation, String model, String dialect, String cache, String error) {
    }

    /** Past this many kinds (never, with a fixed set of models), tags are built per observation instead. */
    private static final int MAX_CACHED = 4_096;

    /** Built once per kind: the observation asks for them at its start and at its stop, for every statement. */
    private final Map<StatementKind, KeyValues> lowCardinality = new ConcurrentHashMap<>();

    @Override
    public KeyValues getLowCardinalityKeyValues(QueryContext context) {
        StatementKind tags = new StatementKind(context.operation(), context.model(), context.dialect(), context.cache(), context.errorName());
        KeyValues values = lowCardinality.get(tags);
        if (values == null) {
            values = KeyValues.of("operation", tags.operation(), "model", tags.model(), "dialect", tags.dialect(),
                    "outcome", context.getError() == null ? "success" : "error", "error", tags.error(), "cache", tags.cache());
            if (lowCardinality.size() < MAX_CACHED) {
                lowCardinality.put(tags, values);
            }
        }
        return values;
    }

    /** SQL texts whose key value is kept; past it (never, with few distinct native statements), built per observation. */
    private static final int MAX_CACHED_SQL = 2_048;

    /**
     * The SQL key value of each statement text, asked for at the start and the stop of every statement: a query's SQL
     * is one String from the query cache, so the lookup is a reference comparison.
     */
    private final Map<String, KeyValues> highCardinality = new ConcurrentHashMap<>();

    @Override
    public KeyValues getHighCardinalityKeyValues(QueryContext context) {
        String sql = context.sql();
        KeyValues values = highCardinality.get(sql);
        if (values == null) {
            values = KeyValues.of("db.query.text", sql);
            if (highCardinality.size() < MAX_CACHED_SQL) {
                highCardinality.put(sql, values);
            }
        }
        return values;
    }
}
