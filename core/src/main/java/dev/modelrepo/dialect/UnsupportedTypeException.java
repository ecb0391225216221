package dev.modelrepo.dialect;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A value type the connected database has no column type or bind for (arrays on MySQL, say); raised before any SQL. */
public class UnsupportedTypeException extends InvalidDataAccessApiUsageException {

    public UnsupportedTypeException(String dialect, String what) {
        super(dialect + " has no " + what + " (see the type table in the README)");
    }
}
