package dev.modelrepo.hardening;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.modelrepo.fixtures.User;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * Native SQL where Spring's parameter parser alone goes wrong: an empty list in {@code IN (:ids)}, {@code :name} inside
 * PostgreSQL's dollar-quoted and {@code E'…'} strings and MariaDB's backslash-escaped ones, and PostgreSQL's jsonb
 * {@code ?} operators. Every statement runs and its rows are checked.
 */
@Changelog("db/changelog/test-schema.xml")
class NativeSqlEdgeTests {

    /** Four users named {@code tag0…tag3}, aged 20, 30, NULL, 50. */
    private static String seed(ModelRepository repo) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 4; i++) {
            Map<String, Object> values = new HashMap<>(Map.of("name", tag + i, "email", tag + i + "@edge.test"));
            values.put("age", i == 2 ? null : 20 + i * 10);
            repo.save(repo.build(User.class, values));
        }
        return tag;
    }

    private static List<Object> names(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("name")).toList();
    }

    @EngineTest
    void anEmptyListInInMatchesNoRowAndInNotInEveryRowLikeTheDsl(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = seed(repo);
        Map<String, Object> params = Map.of("tag", tag + "%", "ids", List.of(), "n", tag + "1");
        assertThat(repo.sql("SELECT name FROM users WHERE name LIKE :tag AND id IN (:ids)").list(params)).isEmpty();
        assertThat(names(repo.sql("SELECT name FROM users WHERE name LIKE :tag AND id NOT IN (:ids) ORDER BY name").list(params)))
                .containsExactly(tag + "0", tag + "1", tag + "2", tag + "3");
        // a NULL age is NOT IN an empty list too, as with the DSL's notIn
        assertThat(names(repo.sql("SELECT name FROM users WHERE name LIKE :tag AND age not in ( :ids ) ORDER BY name").list(params)))
                .containsExactly(tag + "0", tag + "1", tag + "2", tag + "3");
        assertThat(repo.count(ModelQuery.from(User.class, "u").where(and(like("u.name", tag + "%"), notIn("u.age", List.of()))), Map.of()))
                .isEqualTo(4);
        assertThat(names(repo.sql("SELECT name FROM users WHERE name LIKE :tag AND (name = :n OR id IN (:ids))").list(params)))
                .containsExactly(tag + "1");
        assertThat(names(repo.sql("SELECT name FROM users WHERE name LIKE :tag AND NOT (id IN (:ids)) AND age > 40").list(params)))
                .containsExactly(tag + "3");
        assertThat(repo.sql("UPDATE users SET status = 'x' WHERE id IN (:ids)").update(params)).isZero();
        // a list that is not empty still expands
        assertThat(repo.sql("SELECT name FROM users WHERE id NOT IN (:ids) AND name = :n").list(Map.of("ids", List.of(-1L), "n", tag + "1")))
                .hasSize(1);
    }

    @EngineTest
    void quotedTextAndCommentsStayText(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = seed(repo);
        String sql = "SELECT 'it''s :x' AS t, name AS \"n:m\" FROM users -- :comment\n WHERE /* :block */ name = :name";
        assertThat(repo.sql(sql).list(Map.of("name", tag + "0")))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("t", "it's :x").containsEntry("n:m", tag + "0"));
    }

    @EngineTest(engines = { Engine.POSTGRESQL, Engine.H2 })
    void dollarQuotedStringsHoldColonsAsText(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = seed(repo);
        assertThat(repo.sql("SELECT $$it's :x$$ AS t, name FROM users WHERE name = :name").list(Map.of("name", tag + "1")))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("t", "it's :x").containsEntry("name", tag + "1"));
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void taggedDollarQuotesAndEscapeStringsHoldColonsAsText(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = seed(repo);
        Map<String, Object> params = Map.of("name", tag + "3", "age", 50);
        assertThat(repo.sql("SELECT $fn$ :x $$ $fn$ AS a, name FROM users WHERE name = :name AND age = :age").list(params))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("a", " :x $$ ").containsEntry("name", tag + "3"));
        assertThat(repo.sql("SELECT E'it\\'s :y' AS b, e'\\\\' AS c, name FROM users WHERE name = :name AND age = :age").list(params))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("b", "it's :y").containsEntry("c", "\\")
                        .containsEntry("name", tag + "3"));
        // $1-style text and identifiers with $ are no dollar quotes
        assertThat(repo.sql("SELECT name AS n$1 FROM users WHERE name = :name").list(Map.of("name", tag + "3")))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("n$1", tag + "3"));
    }

    @EngineTest(engines = { Engine.MARIADB, Engine.MYSQL })
    void backslashEscapedLiteralsHoldColonsAsText(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = seed(repo);
        String sql = "SELECT 'it\\'s :x' AS a, \"say \\\":y\\\"\" AS b, 'C:\\\\' AS c, name FROM users WHERE name = :name AND age = :age";
        assertThat(repo.sql(sql).list(Map.of("name", tag + "1", "age", 30)))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("a", "it's :x").containsEntry("b", "say \":y\"")
                        .containsEntry("c", "C:\\").containsEntry("name", tag + "1"));
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void jsonbQuestionMarkOperatorsAreWrittenAsTheyAre(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE docs (id INT PRIMARY KEY, data JSONB)");
            st.execute("INSERT INTO docs VALUES (1, '{\"a\": 1}'), (2, '{\"a\": 1, \"b\": 2}'), (3, '{\"c\": 3}')");
        }
        ModelRepository repo = ModelRepository.create(db.dataSource());
        java.util.function.Function<String, List<Object>> run = sql -> repo.sql(sql).list(Map.of("k", "a", "l", "b")).stream()
                .map(r -> r.get("id")).toList();
        assertThat(run.apply("SELECT id FROM docs WHERE data ? :k ORDER BY id")).containsExactly(1, 2);
        assertThat(run.apply("SELECT id FROM docs WHERE data ?| array[:k, :l] ORDER BY id")).containsExactly(1, 2);
        assertThat(run.apply("SELECT id FROM docs WHERE data ?& array[:k, :l] ORDER BY id")).containsExactly(2);
        // the pgjdbc escape still works, and a ? inside quotes is text
        assertThat(run.apply("SELECT id FROM docs WHERE data ??| array[:k, :l] AND '?' = '?' ORDER BY id")).containsExactly(1, 2);
    }
}
