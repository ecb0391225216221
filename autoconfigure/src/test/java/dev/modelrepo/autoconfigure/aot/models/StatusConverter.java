package dev.modelrepo.autoconfigure.aot.models;

import dev.modelrepo.model.ColumnConverter;

/** Upper-cases a status: a converter class the native image must be able to instantiate. */
public class StatusConverter implements ColumnConverter<String, String> {

    @Override
    public String inflate(String stored) {
        return stored.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String deflate(String value) {
        return value.toLowerCase(java.util.Locale.ROOT);
    }
}
