/** Pessimistic locking options and the lock helpers. */
@NullMarked
package dev.modelrepo.lock;

import org.jspecify.annotations.NullMarked;
