package dev.modelrepo.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.format.support.DefaultFormattingConversionService;

import dev.modelrepo.types.ValueTypeException.Reason;

/**
 * Converts what JSON bodies, forms and query strings carry to a column kind's Java type: ISO-8601 text for dates,
 * times and timestamps (with or without an offset), decimal and integer text, numbers of another width when they
 * fit, booleans from {@code "true"}/{@code "false"}/1/0. A value of the kind's own type (or one that
 * {@link ValueConverter} converts losslessly) is taken as it is, without the {@link ConversionService}; the rest is
 * parsed by the ConversionService and then held to the same lossless rules. Blank text stores NULL in a column that
 * is not text, as Spring's data binding does. Lossy conversions are refused with a {@link ValueTypeException}.
 *
 * <pre>{@code
 * ValueCoercion.standard().convert("1974-05-01", ColumnKind.DATE);   // LocalDate 1974-05-01
 * ValueCoercion.of(myConversionService);                              // the parsing of another ConversionService
 * }</pre>
 */
public final class ValueCoercion {

    private final ConversionService conversions;

    private ValueCoercion(ConversionService conversions) {
        this.conversions = conversions;
    }

    /** A coercion that parses text with this ConversionService (Spring Boot's {@code ApplicationConversionService}, say). */
    public static ValueCoercion of(ConversionService conversionService) {
        if (conversionService == null) {
            throw new IllegalArgumentException("conversionService must not be null");
        }
        return new ValueCoercion(conversionService);
    }

    /** The coercion of plain Spring: a shared {@link DefaultFormattingConversionService}. */
    public static ValueCoercion standard() {
        return Standard.INSTANCE;
    }

    public ConversionService conversionService() {
        return conversions;
    }

    /**
     * The value as the Java type of {@code kind}.
     * @throws ValueTypeException when the value does not parse, is out of the kind's range or would lose information
     */
    public @Nullable Object convert(@Nullable Object value, ColumnKind kind) {
        if (value == null) {
            return null;
        }
        Object exact = ValueConverter.lossless(value, kind);
        if (exact != null) {
            return exact;
        }
        Object input = value instanceof CharSequence || value instanceof Character ? value.toString() : value;
        return switch (kind) {
            case INTEGER, BIGINT, BIGINT_UNSIGNED, DECIMAL -> number(value, input, kind);
            case DOUBLE -> input instanceof String ? parsed(value, input, kind, Double.class) : refuse(value, kind);
            case BOOLEAN -> bool(value, input);
            case DATE -> parsed(value, input, kind, LocalDate.class);
            case TIME -> parsed(value, input, kind, LocalTime.class);
            case TIMESTAMP -> parsed(value, input, kind, LocalDateTime.class, OffsetDateTime.class, LocalDate.class);
            case TIMESTAMP_TZ -> parsed(value, input, kind, OffsetDateTime.class, LocalDateTime.class);
            case UUID -> parsed(value, input, kind, java.util.UUID.class);
            default -> refuse(value, kind);
        };
    }

    /** Text or a number of another type as a decimal, then narrowed exactly (so 3000000000 is out of range for INTEGER). */
    private @Nullable Object number(Object value, Object input, ColumnKind kind) {
        if (!(input instanceof String) && !(input instanceof Number)) {
            return refuse(value, kind);
        }
        BigDecimal decimal;
        try {
            decimal = conversions.convert(input, BigDecimal.class);
        }
        catch (ConversionException ex) {
            throw new ValueTypeException(value, kind, Reason.NOT_CONVERTIBLE);
        }
        if (decimal == null) {
            return null;
        }
        Object narrowed = ValueConverter.lossless(decimal, kind);
        if (narrowed == null) {
            throw new ValueTypeException(value, kind, ValueMessages.reasonFor(decimal, kind));
        }
        return narrowed;
    }

    /** A boolean from its text, or from the numbers 1 and 0 (any other number would lose information). */
    private @Nullable Object bool(Object value, Object input) {
        if (input instanceof Number) {
            BigDecimal decimal;
            try {
                decimal = conversions.convert(input, BigDecimal.class);
            }
            catch (ConversionException ex) {
                decimal = null;
            }
            if (decimal != null && (decimal.signum() == 0 || decimal.compareTo(BigDecimal.ONE) == 0)) {
                return decimal.signum() != 0;
            }
            throw new ValueTypeException(value, ColumnKind.BOOLEAN, Reason.NOT_CONVERTIBLE);
        }
        return parsed(value, input, ColumnKind.BOOLEAN, Boolean.class);
    }

    /** Text parsed as each target type in turn; the first result the kind takes losslessly wins. */
    private @Nullable Object parsed(Object value, Object input, ColumnKind kind, Class<?>... targets) {
        if (!(input instanceof String text)) {
            return refuse(value, kind);
        }
        for (Class<?> target : targets) {
            Object result;
            try {
                result = conversions.convert(text, target);
            }
            catch (ConversionException ex) {
                continue;
            }
            if (result == null) {
                return null;
            }
            Object converted = ValueConverter.lossless(result, kind);
            if (converted != null) {
                return converted;
            }
        }
        throw new ValueTypeException(value, kind, Reason.NOT_CONVERTIBLE);
    }

    private static Object refuse(Object value, ColumnKind kind) {
        throw new ValueTypeException(value, kind);
    }

    /** Made on first use: a formatting conversion service registers every JSR-310 and number formatter. */
    private static final class Standard {

        static final ValueCoercion INSTANCE = new ValueCoercion(new DefaultFormattingConversionService());
    }
}
