package dev.modelrepo.types;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A value whose Java type cannot be stored in a column of the given kind without loss. Callers that know the
 * column or parameter rethrow it with their names through {@link #describe(String)}.
 */
public class ValueTypeException extends InvalidDataAccessApiUsageException {

    private final transient Object value;

    private final ColumnKind kind;

    public ValueTypeException(Object value, ColumnKind kind) {
        this(value, kind, "a value");
    }

    private ValueTypeException(Object value, ColumnKind kind, String subject) {
        super(subject + " of type " + value.getClass().getName() + " (" + abbreviate(value)
                + ") cannot be used for a " + kind + " column: expected " + kind.javaType().getName());
        this.value = value;
        this.kind = kind;
    }

    /** The same error with the subject named, e.g. {@code "parameter 'age' for column users.age"}. */
    public ValueTypeException describe(String subject) {
        return new ValueTypeException(value, kind, subject);
    }

    public ColumnKind kind() {
        return kind;
    }

    static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
