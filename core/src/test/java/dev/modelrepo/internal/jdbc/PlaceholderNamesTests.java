package dev.modelrepo.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The column of each placeholder, read from the SQL modelrepo and users write, for masking logged values. */
class PlaceholderNamesTests {

    @Test
    void insertValuesAreNamedByTheirPositionInTheColumnList() {
        assertThat(PlaceholderNames.of("INSERT INTO \"users\" (\"name\", \"password\") VALUES (?, ?) RETURNING \"id\""))
                .containsExactly("name", "password");
        assertThat(PlaceholderNames.of("SELECT \"ID\" FROM FINAL TABLE (INSERT INTO \"T\" (\"NAME\", \"API_TOKEN\") VALUES (?, CAST(? AS VARCHAR)))"))
                .containsExactly("name", "api_token");
        assertThat(PlaceholderNames.of("INSERT INTO t (a, b) VALUES (?, ?), (?, ?) ON DUPLICATE KEY UPDATE b = ?"))
                .containsExactly("a", "b", "a", "b", "b");
    }

    @Test
    void comparedValuesAreNamedByTheColumnBeforeTheOperator() {
        assertThat(PlaceholderNames.of("UPDATE `t` SET `secret` = ?, n = n + 1 WHERE `t`.`id` = ? AND v <> ?"))
                .containsExactly("secret", "id", "v");
        assertThat(PlaceholderNames.of("SELECT * FROM t e WHERE e.salary >= ? AND e.name NOT LIKE ? AND e.k IN (?, ?, ?)"
                + " AND e.tags = ANY(?) AND e.age NOT BETWEEN ? AND ?")).containsExactly("salary", "name", "k", "k", "k", "tags", "age", "age");
    }

    @Test
    void valuesInsideExpressionsOrClausesHaveNoColumn() {
        assertThat(PlaceholderNames.of("SELECT * FROM t WHERE password = crypt(?, salt) LIMIT ? OFFSET ?")).containsExactly(null, null, null);
    }

    @Test
    void quotedTextAndCommentsHideTheirQuestionMarks() {
        assertThat(PlaceholderNames.of("SELECT '?', \"odd?\" FROM t -- ?\n WHERE /* ? */ doc ?? 'k' AND a = ?")).containsExactly("a");
        assertThat(Arrays.asList(PlaceholderNames.of("SELECT 'it''s ?' FROM t WHERE b = ?").toArray())).containsExactly("b");
    }
}
