package dev.modelrepo.hardening;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import dev.modelrepo.fixtures.CountingDataSource;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.query.error.InvalidQueryException;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * A {@code raw} fragment is one piece of a statement: a {@code ;} that could end the statement and start another is
 * refused when the fragment is built, whatever quoting an engine would read around it, so a canary table survives
 * every attempt on every engine. A {@code ;} inside a string literal is fine; {@code rawUnchecked} lets the rest
 * through on purpose.
 */
@Changelog("db/changelog/test-schema.xml")
class RawFragmentTests {

    /** Each hides a second statement from a reader that knows only some engine's quoting. */
    static final List<String> ATTACKS = List.of(
            "1=1; DROP TABLE canary",
            "1=1 ;DROP TABLE canary;",
            "'x' <> 'a' ; DROP TABLE canary; --",
            // PostgreSQL E'…' and MySQL strings: \' escapes the quote, so the ; is outside there
            "'x' <> E'\\'' ; DROP TABLE canary; -- '",
            "'x' <> '\\'' ; DROP TABLE canary; -- '",
            // a comment ends at the line end: the quote in it opens nothing
            "1=1 -- it's\n; DROP TABLE canary; -- '",
            "1=1 # it's\n; DROP TABLE canary; -- '",
            "1=1 /* ' */ ; DROP TABLE canary; -- '",
            // PostgreSQL and H2 dollar quotes, SQLite bracket identifiers, MySQL backticks
            "'x' <> $$'$$ ; DROP TABLE canary; -- '",
            "[ ' ] IS NULL ; DROP TABLE canary; -- '",
            "'x' <> `'` ; DROP TABLE canary; -- '");

    private static void exec(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long canaries(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM canary")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @EngineTest
    void aSemicolonThatCouldEndTheStatementIsRefusedBeforeAnySql(TestDatabase db) throws SQLException {
        exec(db, "CREATE TABLE canary (id INTEGER PRIMARY KEY)");
        exec(db, "INSERT INTO canary (id) VALUES (1)");
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        ModelRepository repo = ModelRepository.create(counting);
        for (String attack : ATTACKS) {
            assertThatThrownBy(() -> repo.list(ModelQuery.from(User.class, "u").where(raw(attack)), Map.of()))
                    .as(attack).isInstanceOf(InvalidQueryException.class).hasMessageContaining("';'").hasMessageContaining("rawUnchecked");
            assertThatThrownBy(() -> raw(attack + " AND ? > 0", 1)).as(attack).isInstanceOf(InvalidQueryException.class);
        }
        assertThat(counting.statements()).isEmpty();
        assertThat(canaries(db)).isEqualTo(1);
    }

    @EngineTest
    void aSemicolonInsideAStringLiteralIsAllowed(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        repo.save(repo.build(User.class, Map.of("name", "a;b", "email", "semi@raw.test")));
        repo.save(repo.build(User.class, Map.of("name", "it's; fine", "email", "quote@raw.test")));
        ModelQuery<User> users = ModelQuery.from(User.class, "u");
        assertThat(repo.list(users.where(raw("? = 'a;b'", col("u.name"))), Map.of())).extracting(u -> u.get("name")).containsExactly("a;b");
        assertThat(repo.list(users.where(raw("? = 'it''s; fine' AND ? LIKE ?", col("u.name"), col("u.email"), "%;%")), Map.of())).isEmpty();
        assertThat(repo.list(users.where(raw("? = 'it''s; fine' AND ? = ?", col("u.name"), col("u.email"), "quote@raw.test")), Map.of()))
                .extracting(u -> u.get("name")).containsExactly("it's; fine");
    }

    @EngineTest
    void rawUncheckedTakesASemicolonOnPurpose(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        repo.save(repo.build(User.class, Map.of("name", "unchecked", "email", "unchecked@raw.test")));
        assertThatThrownBy(() -> raw("? = ? /* ; */", col("u.name"), "unchecked")).isInstanceOf(InvalidQueryException.class);
        assertThat(repo.list(ModelQuery.from(User.class, "u").where(rawUnchecked("? = ? /* ; */", col("u.name"), "unchecked")), Map.of()))
                .extracting(u -> u.get("name")).containsExactly("unchecked");
        assertThatThrownBy(() -> rawUnchecked("a = ? AND b = ?", 1)).isInstanceOf(InvalidQueryException.class).hasMessageContaining("2 '?'");
    }
}
