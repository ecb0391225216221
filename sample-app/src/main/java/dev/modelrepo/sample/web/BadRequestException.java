package dev.modelrepo.sample.web;

/** A request parameter the API cannot use; answered with 400. */
class BadRequestException extends RuntimeException {

    BadRequestException(String message) {
        super(message);
    }
}
