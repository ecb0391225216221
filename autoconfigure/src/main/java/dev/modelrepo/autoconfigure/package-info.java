/**
 * Spring Boot auto-configuration of modelrepo: the repository, its model registry, dialect and query cache
 * over the application's {@code DataSource}, and the {@code modelrepo.*} properties.
 */
@NullMarked
package dev.modelrepo.autoconfigure;

import org.jspecify.annotations.NullMarked;
