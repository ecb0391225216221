package dev.modelrepo.query.error;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A bound value whose type does not fit the column it is compared with, or a non-collection bound to IN. */
public class ParameterTypeException extends InvalidDataAccessApiUsageException {

    public ParameterTypeException(String message) {
        super(message);
    }

    public ParameterTypeException(String message, Throwable cause) {
        super(message, cause);
    }
}
