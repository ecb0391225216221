package dev.modelrepo.repository;

import static dev.modelrepo.repository.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The fragment rules of the seed's cl-batis {@code sql-where}/{@code sql-set}: a fragment may begin with the AND (in
 * {@code where}/{@code and}) or OR (in {@code or}) that joins it and may end with the comma of a SET list; those are
 * dropped, so no statement reads {@code WHERE AND} or {@code SET a = ?,, b = ?}.
 */
class SqlFragmentTests {

    @Test
    void whereDropsTheLeadingAndOfEachFragment() {
        assertThat(where(when(true, " AND name = :name "))).isEqualTo(" WHERE name = :name");
        assertThat(where(when(true, " AND name = :name "), when(true, " and age >= :min_age ")))
                .isEqualTo(" WHERE (name = :name AND age >= :min_age)");
        assertThat(where(when(false, " AND name = :name "), when(false, " AND age >= :min_age "))).isEmpty();
        assertThat(where(when(true, "AND(a = :a OR b = :b)"))).isEqualTo(" WHERE (a = :a OR b = :b)");
        assertThat(and(when(true, "AND\n x = 1"), always("y = 2")).sql()).isEqualTo("(x = 1 AND y = 2)");
    }

    @Test
    void orDropsTheLeadingOrOfEachFragment() {
        assertThat(or(when(true, " OR a = :a"), when(true, "or b = :b")).sql()).isEqualTo("(a = :a OR b = :b)");
        assertThat(where(always("x = 1"), or(when(true, "OR a = :a"), when(false, "OR b = :b")))).isEqualTo(" WHERE (x = 1 AND a = :a)");
    }

    @Test
    void wordsThatMerelyBeginWithAndOrOrStay() {
        assertThat(where(always("ANDROID = 1"), always("ORDER_COUNT > 2"), always("or_flag = TRUE")))
                .isEqualTo(" WHERE (ANDROID = 1 AND ORDER_COUNT > 2 AND or_flag = TRUE)");
    }

    /** An OR where AND joins (or the reverse) would silently change the condition: refused, naming the junction to use. */
    @Test
    void aConnectiveThatDiffersFromTheJunctionsIsRefused() {
        assertThatThrownBy(() -> where(when(true, "a = 1"), when(true, " OR b = 2"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OR b = 2").hasMessageContaining("or(");
        assertThatThrownBy(() -> or(when(true, "AND b = 2"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("and(");
    }

    @Test
    void setDropsTheTrailingCommaOfEachAssignment() {
        assertThat(set(when(true, " name = :name, "), when(true, " email = :email, "), always(" updated_at = :updated_at ")))
                .isEqualTo(" SET name = :name, email = :email, updated_at = :updated_at");
        assertThat(set(when(true, " name = :name, "), when(false, " email = :email, "))).isEqualTo(" SET name = :name");
        assertThat(set(when(true, ", name = :name"), always("age = :age ,"))).isEqualTo(" SET name = :name, age = :age");
        assertThat(set(always("tags = ','"))).isEqualTo(" SET tags = ','");
        assertThatThrownBy(() -> set(when(false, "name = :name,"), when(true, " , "))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SET");
    }
}
