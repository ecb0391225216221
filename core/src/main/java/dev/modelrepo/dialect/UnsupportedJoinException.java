package dev.modelrepo.dialect;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A kind of join the connected database cannot do (a FULL JOIN on MySQL, say); raised before any SQL is sent. */
public class UnsupportedJoinException extends InvalidDataAccessApiUsageException {

    public UnsupportedJoinException(String dialect, String what) {
        super(dialect + " cannot do " + what + "; write it with the joins it has (a FULL JOIN is the LEFT JOIN united with"
                + " the rows of a RIGHT JOIN that found no match) or see the capability table in the README");
    }
}
