package dev.modelrepo.observation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

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
        Tags tags = context.conventionTags;
        return (tags != null) ? tags.contextualName() : context.operation() + " " + context.model();
    }

    /** The tag values of one kind of statement; there are few (operations × models × dialects × outcomes). */
    private record StatementKind(String operation, String model, String dialect, String cache, String error) {
    }

    /**
     * The key values and contextual name of one kind of statement, and the error they were found for: kept on the
     * context from the start of its observation, so the stop, with the same error (none, most of the time), looks
     * nothing up.
     */
    record Tags(KeyValues keyValues, String contextualName, @Nullable Throwable error) {

        Tags forError(@Nullable Throwable error) {
            return new Tags(keyValues, contextualName, error);
        }
    }

    /** Past this many kinds (never, with a fixed set of models), tags are built per observation instead. */
    private static final int MAX_CACHED = 4_096;

    /** Built once per kind: the observation asks for them at its start and at its stop, for every statement. */
    private final Map<StatementKind, Tags> lowCardinality = new ConcurrentHashMap<>();

    @Override
    public KeyValues getLowCardinalityKeyValues(QueryContext context) {
        @Nullable Throwable error = context.getError();
        Tags held = context.conventionTags;
        if (held != null && held.error() == error) {
            return held.keyValues();
        }
        StatementKind kind = new StatementKind(context.operation(), context.model(), context.dialect(), context.cache(),
                context.errorName());
        Tags tags = lowCardinality.get(kind);
        if (tags == null) {
            tags = new Tags(KeyValues.of("operation", kind.operation(), "model", kind.model(), "dialect", kind.dialect(),
                    "outcome", error == null ? "success" : "error", "error", kind.error(), "cache", kind.cache()),
                    kind.operation() + " " + kind.model(), null);
            if (lowCardinality.size() < MAX_CACHED) {
                lowCardinality.put(kind, tags);
            }
        }
        context.conventionTags = (error == null) ? tags : tags.forError(error);
        return tags.keyValues();
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
