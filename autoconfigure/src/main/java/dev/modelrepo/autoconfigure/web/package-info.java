/**
 * modelrepo's errors as RFC 9457 problem details in Spring MVC applications, auto-configured (off with
 * {@code modelrepo.web.problem-details=false}).
 */
@NullMarked
package dev.modelrepo.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
