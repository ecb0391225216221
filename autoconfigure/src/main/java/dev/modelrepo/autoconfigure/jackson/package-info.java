/** Models read from JSON with Jackson 3 ({@code @RequestBody Book}), registered by the auto-configuration. */
@NullMarked
package dev.modelrepo.autoconfigure.jackson;

import org.jspecify.annotations.NullMarked;
