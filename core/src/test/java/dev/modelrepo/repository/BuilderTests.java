package dev.modelrepo.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.modelrepo.dialect.H2Dialect;

/** {@link ModelRepository.Builder} settings that need no database. */
class BuilderTests {

    private static int timeoutSeconds(Duration timeout) {
        return ModelRepository.builder(new DriverManagerDataSource("jdbc:h2:mem:builder")).dialect(H2Dialect.INSTANCE)
                .queryTimeout(timeout).build().queryTimeoutSeconds();
    }

    @Test
    void queryTimeoutIsRoundedUpToWholeSecondsSoAPositiveOneNeverMeansNone() {
        assertThat(timeoutSeconds(null)).isZero();
        assertThat(timeoutSeconds(Duration.ZERO)).isZero();
        assertThat(timeoutSeconds(Duration.ofSeconds(-5))).isZero();
        assertThat(timeoutSeconds(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(timeoutSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(timeoutSeconds(Duration.ofSeconds(2))).isEqualTo(2);
        assertThat(timeoutSeconds(Duration.ofMillis(2500))).isEqualTo(3);
        assertThat(timeoutSeconds(Duration.ofDays(100_000))).isEqualTo(Integer.MAX_VALUE);
    }
}
