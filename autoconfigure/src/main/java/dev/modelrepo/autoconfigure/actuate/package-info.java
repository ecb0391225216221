/** modelrepo's contributions to Spring Boot's actuator: the {@code info} endpoint's {@code modelrepo} details. */
@NullMarked
package dev.modelrepo.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
