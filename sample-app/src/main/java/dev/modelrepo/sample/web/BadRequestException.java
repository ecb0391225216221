package dev.modelrepo.sample.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request parameter the API cannot use; answered with a 400 problem detail. */
class BadRequestException extends ResponseStatusException {

    BadRequestException(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
