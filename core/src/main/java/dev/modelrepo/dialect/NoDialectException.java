package dev.modelrepo.dialect;

import org.springframework.dao.InvalidDataAccessResourceUsageException;

/** No dialect fits the connected database, or the configured dialect name is unknown. */
public class NoDialectException extends InvalidDataAccessResourceUsageException {

    public NoDialectException(String message) {
        super(message);
    }
}
