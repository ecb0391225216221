package dev.modelrepo.observation;

import static dev.modelrepo.query.Q.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.modelrepo.fixtures.CountingDataSource;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** Query tags in the sqlcommenter format reach the database on every statement, and nothing else sees them. */
@Changelog("db/changelog/test-schema.xml")
class SqlCommentsTests {

    @EngineTest
    void everyStatementSentCarriesTheTagsAndTheCacheListenersAndLogDoNot(TestDatabase db) {
        CountingDataSource sent = new CountingDataSource(db.dataSource());
        List<String> heard = new CopyOnWriteArrayList<>();
        ModelRepository repo = ModelRepository.builder(sent)
                .sqlLogging(SqlLogSettings.defaults().comments(() -> Map.of("application", "shop", "controller", "UserController",
                        "action", "it's /*odd*/")))
                .statementListener((operation, model, sql) -> heard.add(sql))
                .build();
        String tag = UUID.randomUUID().toString();
        repo.save(repo.build(User.class, Map.of("name", "Tagged " + tag, "email", tag + "@x.test")));
        ModelQuery<User> mine = ModelQuery.from(User.class, "u").where(eq("u.name", "Tagged " + tag));
        assertThat(repo.list(mine, Map.of())).hasSize(1);
        try (Stream<User> users = repo.stream(mine, Map.of())) {
            assertThat(users.count()).isEqualTo(1);
        }
        assertThat(repo.deleteWhere(mine, Map.of())).isEqualTo(1);

        String comment = " /*action='it%27s%20%2F*odd*%2F',application='shop',controller='UserController'*/";
        List<String> ours = sent.statements().stream().filter(sql -> !sql.startsWith("SELECT @@")).toList();
        assertThat(ours).hasSizeGreaterThanOrEqualTo(4).allSatisfy(sql -> assertThat(sql).endsWith(comment));
        assertThat(heard).hasSize(4).noneSatisfy(sql -> assertThat(sql).contains("/*"));
        assertThat(repo.toSql(mine, Map.of())).doesNotContain("/*");
    }

    @Test
    void theCommentEscapesWhatCouldEndItAndSortsTheKeys() {
        assertThat(SqlCommenter.comment(Map.of())).isEmpty();
        assertThat(SqlCommenter.comment(Map.of("route", "/books/{id}", "a", "x y")))
                .isEqualTo(" /*a='x%20y',route='%2Fbooks%2F%7Bid%7D'*/");
        assertThat(SqlCommenter.comment(Map.of("k", "*/ DROP TABLE x; --"))).doesNotContain("*/ DROP").endsWith("*/");
    }
}
