package dev.modelrepo.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/** Raised by {@code saveOrThrow} when {@link Model#validate()} recorded errors; carries them by column. */
public class ModelValidationException extends InvalidDataAccessApiUsageException {

    private final Map<String, List<String>> errors;

    private final String model;

    public ModelValidationException(String model, Map<String, List<String>> errors) {
        super(model + " is invalid: " + errors);
        this.model = model;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errors.forEach((column, messages) -> copy.put(column, List.copyOf(messages)));
        this.errors = Collections.unmodifiableMap(copy);
    }

    /** The name of the invalid model. */
    public String model() {
        return model;
    }

    /** The errors by column, in the order {@code validate()} recorded them. */
    public Map<String, List<String>> errors() {
        return errors;
    }
}
