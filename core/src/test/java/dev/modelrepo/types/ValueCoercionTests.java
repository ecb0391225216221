package dev.modelrepo.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;

import dev.modelrepo.types.ValueTypeException.Reason;

/** What JSON and forms carry, converted to each kind through the ConversionService; what would lose information, refused. */
class ValueCoercionTests {

    private final ValueCoercion coercion = ValueCoercion.standard();

    @Test
    void isoTextBecomesDatesTimesAndTimestamps() {
        assertThat(coercion.convert("1974-05-01", ColumnKind.DATE)).isEqualTo(LocalDate.of(1974, 5, 1));
        assertThat(coercion.convert("10:15", ColumnKind.TIME)).isEqualTo(LocalTime.of(10, 15));
        assertThat(coercion.convert("10:15:30.123456", ColumnKind.TIME)).isEqualTo(LocalTime.of(10, 15, 30, 123_456_000));
        assertThat(coercion.convert("2024-05-01T10:00:00", ColumnKind.TIMESTAMP)).isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 0));
        // with an offset: the instant, in UTC (as an OffsetDateTime value is stored)
        assertThat(coercion.convert("2024-05-01T10:00:00+02:00", ColumnKind.TIMESTAMP)).isEqualTo(LocalDateTime.of(2024, 5, 1, 8, 0));
        assertThat(coercion.convert("2024-05-01T10:00:00Z", ColumnKind.TIMESTAMP)).isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 0));
        assertThat(coercion.convert("2024-05-01", ColumnKind.TIMESTAMP)).isEqualTo(LocalDateTime.of(2024, 5, 1, 0, 0));
        assertThat(coercion.convert("2024-05-01T10:00:00+02:00", ColumnKind.TIMESTAMP_TZ))
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 8, 0, 0, 0, ZoneOffset.UTC));
        assertThat(coercion.convert("2024-05-01T10:00:00", ColumnKind.TIMESTAMP_TZ))
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void numericTextAndOtherWidthsBecomeTheColumnsNumberWhenExact() {
        assertThat(coercion.convert("12.50", ColumnKind.DECIMAL)).isEqualTo(new BigDecimal("12.50"));
        assertThat(coercion.convert(12.5d, ColumnKind.DECIMAL)).isEqualTo(new BigDecimal("12.5"));
        assertThat(coercion.convert("2", ColumnKind.BIGINT)).isEqualTo(2L);
        assertThat(coercion.convert(" 42 ", ColumnKind.INTEGER)).isEqualTo(42);
        assertThat(coercion.convert(7L, ColumnKind.INTEGER)).isEqualTo(7);
        assertThat(coercion.convert(12.0d, ColumnKind.INTEGER)).isEqualTo(12);
        assertThat(coercion.convert(BigInteger.TEN, ColumnKind.BIGINT)).isEqualTo(10L);
        assertThat(coercion.convert("0.25", ColumnKind.DOUBLE)).isEqualTo(0.25d);
    }

    @Test
    void booleansFromTrueFalseOneAndZero() {
        assertThat(coercion.convert("true", ColumnKind.BOOLEAN)).isEqualTo(true);
        assertThat(coercion.convert("FALSE", ColumnKind.BOOLEAN)).isEqualTo(false);
        assertThat(coercion.convert("1", ColumnKind.BOOLEAN)).isEqualTo(true);
        assertThat(coercion.convert(0, ColumnKind.BOOLEAN)).isEqualTo(false);
        assertThat(coercion.convert(1L, ColumnKind.BOOLEAN)).isEqualTo(true);
        assertThatThrownBy(() -> coercion.convert(2, ColumnKind.BOOLEAN)).isInstanceOf(ValueTypeException.class)
                .hasMessage("2 is not a boolean (expected java.lang.Boolean)");
        assertThatThrownBy(() -> coercion.convert("maybe", ColumnKind.BOOLEAN))
                .hasMessage("\"maybe\" is not a boolean (expected true, false, 1 or 0)");
    }

    @Test
    void valuesOfTheKindsTypeAreTakenAsTheyAre() {
        LocalDate date = LocalDate.of(2020, 1, 1);
        assertThat(coercion.convert(date, ColumnKind.DATE)).isSameAs(date);
        assertThat(coercion.convert("text", ColumnKind.STRING)).isEqualTo("text");
        UUID uuid = UUID.randomUUID();
        assertThat(coercion.convert(uuid.toString(), ColumnKind.UUID)).isEqualTo(uuid);
        assertThat(coercion.convert(null, ColumnKind.DATE)).isNull();
    }

    @Test
    void blankTextIsNullInColumnsThatAreNotText() {
        assertThat(coercion.convert("", ColumnKind.INTEGER)).isNull();
        assertThat(coercion.convert(" ", ColumnKind.DATE)).isNull();
        assertThat(coercion.convert("", ColumnKind.BOOLEAN)).isNull();
        assertThat(coercion.convert("", ColumnKind.STRING)).isEqualTo("");
    }

    @Test
    void impossibleValuesAreWordedForPeople() {
        assertThatThrownBy(() -> coercion.convert("1974-13-01", ColumnKind.DATE))
                .isInstanceOfSatisfying(ValueTypeException.class, ex -> assertThat(ex.reason()).isEqualTo(Reason.NOT_CONVERTIBLE))
                .hasMessage("\"1974-13-01\" is not a date (expected yyyy-MM-dd)");
        assertThatThrownBy(() -> coercion.convert("lots", ColumnKind.INTEGER))
                .hasMessage("\"lots\" is not an integer (expected java.lang.Integer)");
        assertThatThrownBy(() -> coercion.convert(true, ColumnKind.DATE))
                .hasMessage("true is not a date (expected java.time.LocalDate)");
        assertThatThrownBy(() -> coercion.convert(LocalDate.of(2020, 1, 1), ColumnKind.INTEGER))
                .hasMessage("2020-01-01 (java.time.LocalDate) is not an integer (expected java.lang.Integer)");
        assertThatThrownBy(() -> coercion.convert(42, ColumnKind.STRING)).hasMessage("42 is not text (expected java.lang.String)");
    }

    @Test
    void numbersOutOfRangeSaySo() {
        assertThatThrownBy(() -> coercion.convert(3_000_000_000L, ColumnKind.INTEGER))
                .isInstanceOfSatisfying(ValueTypeException.class, ex -> assertThat(ex.reason()).isEqualTo(Reason.OUT_OF_RANGE))
                .hasMessage("3000000000 is out of range for INTEGER");
        assertThatThrownBy(() -> coercion.convert("3000000000", ColumnKind.INTEGER))
                .hasMessage("\"3000000000\" is out of range for INTEGER");
        assertThatThrownBy(() -> coercion.convert("9223372036854775808", ColumnKind.BIGINT))
                .hasMessageContaining("is out of range for BIGINT");
        // the strict converter words it the same way
        assertThatThrownBy(() -> ValueConverter.convert(3_000_000_000L, ColumnKind.INTEGER))
                .hasMessage("3000000000 is out of range for INTEGER");
    }

    @Test
    void lossyConversionsStayRefused() {
        assertThatThrownBy(() -> coercion.convert("12.5", ColumnKind.INTEGER))
                .isInstanceOfSatisfying(ValueTypeException.class, ex -> assertThat(ex.reason()).isEqualTo(Reason.LOSSY))
                .hasMessage("\"12.5\" cannot be stored in INTEGER without loss");
        assertThatThrownBy(() -> coercion.convert(12.5d, ColumnKind.BIGINT)).hasMessage("12.5 cannot be stored in BIGINT without loss");
        assertThatThrownBy(() -> coercion.convert((1L << 53) + 1, ColumnKind.DOUBLE))
                .hasMessage("9007199254740993 cannot be stored in DOUBLE without loss");
        assertThatThrownBy(() -> coercion.convert("2024-05-01T10:00:00", ColumnKind.DATE)).isInstanceOf(ValueTypeException.class);
        assertThatThrownBy(() -> coercion.convert(Double.NaN, ColumnKind.DECIMAL)).isInstanceOf(ValueTypeException.class);
    }

    @Test
    void theColumnAndModelAreNamedForMachinesAndPeople() {
        ValueTypeException ex = new ValueTypeException("1974-13-01", ColumnKind.DATE, Reason.NOT_CONVERTIBLE)
                .forColumn("Book", "published_on");
        assertThat(ex).hasMessage("Book.published_on: \"1974-13-01\" is not a date (expected yyyy-MM-dd)");
        assertThat(ex.model()).isEqualTo("Book");
        assertThat(ex.column()).isEqualTo("published_on");
        assertThat(ex.value()).isEqualTo("1974-13-01");
        assertThat(ex.kind()).isEqualTo(ColumnKind.DATE);
        assertThat(ex.detail()).isEqualTo("\"1974-13-01\" is not a date (expected yyyy-MM-dd)");
    }

    @Test
    void anotherConversionServiceParsesWhatItKnows() {
        // plain DefaultConversionService has no date formatters: ISO text is not a date for it
        ValueCoercion plain = ValueCoercion.of(new DefaultConversionService());
        assertThat(plain.convert("12", ColumnKind.INTEGER)).isEqualTo(12);
        assertThatThrownBy(() -> plain.convert("1974-05-01", ColumnKind.DATE)).isInstanceOf(ValueTypeException.class);
        ConversionService service = plain.conversionService();
        assertThat(service).isInstanceOf(DefaultConversionService.class);
    }
}
