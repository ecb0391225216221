package dev.modelrepo.query.error;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A query built in a way SQL cannot express (a null compared with =, a list bound to a comparison, a join without a condition…). */
public class InvalidQueryException extends InvalidDataAccessApiUsageException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
