package dev.modelrepo.sample.service;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A resource named in the request (not by the URL's id, which {@code repo.getById} checks) does not exist: 404. */
public class NotFoundException extends ResponseStatusException {

    public NotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }
}
