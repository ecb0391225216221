package dev.modelrepo.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** A convention for {@code modelrepo.query} observations; declare a bean to change names or tags. */
public interface QueryObservationConvention extends ObservationConvention<QueryContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof QueryContext;
    }
}
