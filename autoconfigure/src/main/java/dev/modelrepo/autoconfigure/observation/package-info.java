/**
 * Metrics of modelrepo in Spring Boot: the {@code modelrepo.query} observation of every statement wired into the
 * application's {@code ObservationRegistry}, and, when micrometer-core is present, the meters that need it (query
 * cache gauges and counters, rows per statement, conflicts).
 */
@NullMarked
package dev.modelrepo.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
