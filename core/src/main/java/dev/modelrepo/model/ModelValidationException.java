package dev.modelrepo.model;

import java.util.List;
import java.util.Map;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/** Raised by {@code saveOrThrow} when {@link Model#validate()} recorded errors; carries them by column. */
public class ModelValidationException extends InvalidDataAccessApiUsageException {

    private final Map<String, List<String>> errors;

    public ModelValidationException(String model, Map<String, List<String>> errors) {
        super(model + " is invalid: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, List<String>> errors() {
        return errors;
    }
}
