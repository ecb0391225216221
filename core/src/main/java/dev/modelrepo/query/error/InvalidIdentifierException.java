package dev.modelrepo.query.error;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A name that is not a plain identifier (quotes, dots, spaces, comments…): rejected before it reaches SQL. */
public class InvalidIdentifierException extends InvalidDataAccessApiUsageException {

    public InvalidIdentifierException(String what, @Nullable String name) {
        super("Invalid " + what + " " + (name == null ? "null" : "'" + abbreviate(name) + "'")
                + ": expected a plain identifier (letters, digits, _), optionally qualified as alias.column");
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
