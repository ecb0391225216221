package dev.modelrepo.types;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A value that a column of the given kind cannot take: text that does not parse, a number out of the column's
 * range, or a conversion that would lose information. The message is written for people
 * ({@code Book.published_on: "1974-13-01" is not a date (expected yyyy-MM-dd)}); the parts are readable one by one
 * for machines ({@link #model()}, {@link #column()}, {@link #value()}, {@link #kind()}, {@link #reason()}).
 */
public class ValueTypeException extends InvalidDataAccessApiUsageException {

    /** Why the value was refused. */
    public enum Reason {
        /** The value is not of the kind at all ("lots" for an INTEGER column, 13 as a month). */
        NOT_CONVERTIBLE,
        /** A number outside the column's range (3000000000 for INTEGER). */
        OUT_OF_RANGE,
        /** The conversion would lose information (12.5 for INTEGER). */
        LOSSY
    }

    private final transient Object value;

    private final ColumnKind kind;

    private final Reason reason;

    private final @Nullable String model;

    private final @Nullable String column;

    /** A refusal whose reason is told from the value and the kind. */
    public ValueTypeException(Object value, ColumnKind kind) {
        this(value, kind, ValueMessages.reasonFor(value, kind));
    }

    /** A refusal for this reason. */
    public ValueTypeException(Object value, ColumnKind kind, Reason reason) {
        this(value, kind, reason, null, null, null);
    }

    private ValueTypeException(Object value, ColumnKind kind, Reason reason, @Nullable String subject,
            @Nullable String model, @Nullable String column) {
        super((subject != null ? subject + ": " : "") + ValueMessages.detail(value, kind, reason));
        this.value = value;
        this.kind = kind;
        this.reason = reason;
        this.model = model;
        this.column = column;
    }

    /** The same error with the subject named, e.g. {@code "parameter 'age' for column users.age"}. */
    public ValueTypeException describe(String subject) {
        return new ValueTypeException(value, kind, reason, subject, model, column);
    }

    /** The same error for a model's column: {@code "Employee.salary: 3000000000 is out of range for INTEGER"}. */
    public ValueTypeException forColumn(String model, String column) {
        return new ValueTypeException(value, kind, reason, model + "." + column, model, column);
    }

    /** What is wrong with the value, without the subject: {@code "\"1974-13-01\" is not a date (expected yyyy-MM-dd)"}. */
    public String detail() {
        return ValueMessages.detail(value, kind, reason);
    }

    /** The value that was refused. */
    public Object value() {
        return value;
    }

    /** The kind of the column the value was meant for. */
    public ColumnKind kind() {
        return kind;
    }

    public Reason reason() {
        return reason;
    }

    /** The model whose column refused the value, when known. */
    public @Nullable String model() {
        return model;
    }

    /** The column that refused the value, when known. */
    public @Nullable String column() {
        return column;
    }

    static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
