package dev.modelrepo.model;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A relation name a model does not declare (in {@code join}, {@code include} or {@code through}), a {@code through}
 * naming a relation not joined before, or a join alias used twice; raised before any SQL is sent.
 */
public class UnknownRelationException extends InvalidDataAccessApiUsageException {

    public UnknownRelationException(String message) {
        super(message);
    }
}
