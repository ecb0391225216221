/**
 * Test support for applications on modelrepo: the {@link dev.modelrepo.autoconfigure.test.ModelRepositoryTest}
 * slice and the N+1 statement guard ({@link dev.modelrepo.autoconfigure.test.StatementCounter},
 * {@link dev.modelrepo.autoconfigure.test.ExpectMaxStatements}).
 */
@NullMarked
package dev.modelrepo.autoconfigure.test;

import org.jspecify.annotations.NullMarked;
