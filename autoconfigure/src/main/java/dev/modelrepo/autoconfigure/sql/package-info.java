/**
 * Query tags of {@code modelrepo.sql.comments=true}: every statement sent to the database ends with a sqlcommenter
 * comment naming the application, the Spring MVC controller and action of the request, and the trace.
 */
@NullMarked
package dev.modelrepo.autoconfigure.sql;

import org.jspecify.annotations.NullMarked;
