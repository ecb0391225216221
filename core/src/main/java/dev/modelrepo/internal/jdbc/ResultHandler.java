package dev.modelrepo.internal.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Consumes a whole result set inside the statement's scope (results never outlive their connection). */
@FunctionalInterface
public interface ResultHandler<T> {

    T handle(ResultSet rs) throws SQLException;
}
