package dev.modelrepo.bulk;

import java.util.List;
import java.util.Map;

import dev.modelrepo.model.ModelValidationException;

/**
 * {@code insertAll} or {@code updateAll} found invalid models; nothing was written. Names every invalid model by
 * its index in the list given, with its errors; {@link #errors()} are those of the first.
 */
public class BulkValidationException extends ModelValidationException {

    private final Map<Integer, Map<String, List<String>>> errorsByIndex;

    public BulkValidationException(String operation, String model, Map<Integer, Map<String, List<String>>> errorsByIndex) {
        super(operation + " wrote nothing: " + model + " at index " + errorsByIndex.keySet().iterator().next(),
                errorsByIndex.values().iterator().next());
        this.errorsByIndex = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errorsByIndex));
    }

    /** The errors of each invalid model, by its index in the list given, in list order. */
    public Map<Integer, Map<String, List<String>>> errorsByIndex() {
        return errorsByIndex;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(super.getMessage());
        errorsByIndex.entrySet().stream().skip(1)
                .forEach(e -> sb.append("; also invalid: index ").append(e.getKey()).append(": ").append(e.getValue()));
        return sb.toString();
    }
}
