package dev.modelrepo.sample.web;

/** A resource asked for by id does not exist; answered with 404. */
class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
