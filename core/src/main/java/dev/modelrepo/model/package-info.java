/** Models, their table metadata read from the database, and the registry binding one to the other. */
@NullMarked
package dev.modelrepo.model;

import org.jspecify.annotations.NullMarked;
