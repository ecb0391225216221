/** The sample's read-only JSON API over companies, departments and employees. */
@NullMarked
package dev.modelrepo.sample.web;

import org.jspecify.annotations.NullMarked;
