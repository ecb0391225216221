package dev.modelrepo.observation;

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

    @Override
    public KeyValues getLowCardinalityKeyValues(QueryContext context) {
        return KeyValues.of("operation", context.operation(), "model", context.model(), "dialect", context.dialect(),
                "outcome", context.getError() == null ? "success" : "error", "error", context.errorName(), "cache", context.cache());
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(QueryContext context) {
        return KeyValues.of("db.query.text", context.sql());
    }
}
