/**
 * Writing models: the single-row INSERT, UPDATE and DELETE by key with their read-back ({@code ModelWriter}) and the
 * save/destroy flow around them (validation, hooks, listeners, cascades, model state for rollbacks:
 * {@code ModelPersistence}). Shared by the repository and the bulk operations; not for users.
 */
@NullMarked
package dev.modelrepo.internal.write;

import org.jspecify.annotations.NullMarked;
