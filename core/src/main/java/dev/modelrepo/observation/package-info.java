/** Micrometer Observation of every statement modelrepo runs ({@code modelrepo.query}). */
@NullMarked
package dev.modelrepo.observation;

import org.jspecify.annotations.NullMarked;
