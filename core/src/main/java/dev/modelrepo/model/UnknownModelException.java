package dev.modelrepo.model;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A class used as a model that is not a {@link Model} subclass annotated with {@link Table}. */
public class UnknownModelException extends InvalidDataAccessApiUsageException {

    public UnknownModelException(Class<?> type) {
        super(type.getName() + " is not a model: it must extend dev.modelrepo.model.Model and carry @Table(name = \"…\")");
    }
}
