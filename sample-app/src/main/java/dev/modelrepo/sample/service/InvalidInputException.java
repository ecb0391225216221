package dev.modelrepo.sample.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Input that names fields the request got wrong; answered with 400 and the fields. */
public class InvalidInputException extends RuntimeException {

    private final Map<String, List<String>> fields;

    public InvalidInputException(Map<String, List<String>> fields) {
        super("Invalid input: " + fields);
        this.fields = new LinkedHashMap<>(fields);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> fields() {
        return this.fields;
    }
}
