package dev.modelrepo.bulk.internal;

import java.util.List;
import java.util.Map;

/**
 * {@code insertAll} or {@code updateAll} found invalid models and wrote nothing: the errors of each, by its index in
 * the caller's list. The facade raises it as its public exception.
 */
public final class InvalidModels extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;

    private final String model;

    private final transient Map<Integer, Map<String, List<String>>> errorsByIndex;

    InvalidModels(String operation, String model, Map<Integer, Map<String, List<String>>> errorsByIndex) {
        super(operation + " wrote nothing: " + model + " at index " + errorsByIndex.keySet().iterator().next());
        this.operation = operation;
        this.model = model;
        this.errorsByIndex = errorsByIndex;
    }

    /** "insertAll" or "updateAll". */
    public String operation() {
        return operation;
    }

    /** The name of the first invalid model's class. */
    public String model() {
        return model;
    }

    public Map<Integer, Map<String, List<String>>> errorsByIndex() {
        return errorsByIndex;
    }
}
