package dev.modelrepo.query.error;

import java.util.Collection;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A query uses {@code param(name)} but the params map has no entry of that name (a null value is fine). */
public class MissingParameterException extends InvalidDataAccessApiUsageException {

    public MissingParameterException(String parameter, String query, Collection<String> given) {
        super("Missing parameter '" + parameter + "' for " + query + "; the params map has " + given);
    }
}
