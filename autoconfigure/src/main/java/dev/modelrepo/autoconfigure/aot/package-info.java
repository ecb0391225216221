/**
 * Spring AOT and GraalVM native image support: reflection hints for the application's model classes and their
 * column converters.
 */
@NullMarked
package dev.modelrepo.autoconfigure.aot;

import org.jspecify.annotations.NullMarked;
