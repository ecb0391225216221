package dev.modelrepo.dialect;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A lock mode or wait policy the connected database cannot do; raised before any SQL is sent, never downgraded. */
public class UnsupportedLockException extends InvalidDataAccessApiUsageException {

    public UnsupportedLockException(String dialect, String what) {
        super(dialect + " cannot do " + what + "; choose a lock the database supports (see the capability table in the README)");
    }
}
