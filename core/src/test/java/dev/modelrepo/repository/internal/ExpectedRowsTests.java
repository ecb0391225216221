package dev.modelrepo.repository.internal;

import static dev.modelrepo.query.Q.param;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.modelrepo.fixtures.User;
import dev.modelrepo.query.ModelQuery;

/** How {@code list} presizes its result from the query's limit. */
class ExpectedRowsTests {

    private final ModelQuery<User> q = ModelQuery.from(User.class, "u");

    @Test
    void aLiteralLimitPresizesTheList() {
        assertThat(ReadSupport.expectedRows(q.limit(50))).isEqualTo(50);
        assertThat(ReadSupport.expectedRows(q.limit(1))).isEqualTo(1);
        assertThat(ReadSupport.expectedRows(q.page(3, 25))).isEqualTo(25);
    }

    @Test
    void aLargeLimitIsCappedAt1000() {
        assertThat(ReadSupport.expectedRows(q.limit(1_000_000))).isEqualTo(1_000);
        assertThat(ReadSupport.expectedRows(q.limit(Long.MAX_VALUE))).isEqualTo(1_000);
    }

    @Test
    void withoutALiteralLimitTheGuessIs10() {
        assertThat(ReadSupport.expectedRows(q)).isEqualTo(10);
        assertThat(ReadSupport.expectedRows(q.limit(0))).isEqualTo(10);
        assertThat(ReadSupport.expectedRows(q.limit(param("n")))).isEqualTo(10);
    }
}
