/** The sample's models: one class per table, columns read from the database. */
@NullMarked
package dev.modelrepo.sample.model;

import org.jspecify.annotations.NullMarked;
