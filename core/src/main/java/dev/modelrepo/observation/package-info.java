/**
 * Micrometer Observation of every statement modelrepo runs ({@code modelrepo.query}), its SQL log settings, and the
 * {@link dev.modelrepo.observation.StatementListener} hook that hears every statement whatever the observation settings.
 */
@NullMarked
package dev.modelrepo.observation;

import org.jspecify.annotations.NullMarked;
