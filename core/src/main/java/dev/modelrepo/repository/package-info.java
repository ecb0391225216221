/** The repository: executes queries on the transaction's connection and maps rows to models. */
@NullMarked
package dev.modelrepo.repository;

import org.jspecify.annotations.NullMarked;
