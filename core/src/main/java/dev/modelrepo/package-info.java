/** modelrepo: models, a SQL query DSL, dialects and a repository on Spring JDBC. */
package dev.modelrepo;
