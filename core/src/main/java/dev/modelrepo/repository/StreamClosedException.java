package dev.modelrepo.repository;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/** A stream read after the transaction it was opened in ended, which closed it before its last row. */
public class StreamClosedException extends InvalidDataAccessApiUsageException {

    public StreamClosedException(String model) {
        super("The stream of " + model + " was closed because its transaction ended (committed or rolled back) before"
                + " the stream was read to the end: read a stream inside the transaction it was opened in, and close it"
                + " there (try-with-resources)");
    }
}
