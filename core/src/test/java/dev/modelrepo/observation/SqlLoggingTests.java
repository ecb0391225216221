package dev.modelrepo.observation;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** The {@code dev.modelrepo.sql} logger on every engine: statements at DEBUG, masked values at TRACE, slow ones at WARN. */
@Changelog("db/changelog/sql-logging.xml")
class SqlLoggingTests {

    /** Statement lines: "select sql_log_accounts [3 rows, 0.84 ms]: SELECT …". */
    private static final String TIMED = "\\[\\d+ rows?, \\d+\\.\\d\\d ms\\]: ";

    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.modelrepo.sql");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private Level previousLevel;

    private boolean previousAdditive;

    /** Test model over sql_log_accounts. */
    @Table(name = "sql_log_accounts")
    public static class Account extends Model {
    }

    @BeforeEach
    void capture() {
        previousLevel = logger.getLevel();
        previousAdditive = logger.isAdditive();
        logger.setAdditive(false);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void restore() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        logger.setAdditive(previousAdditive);
    }

    @EngineTest
    void debugLogsEachStatementWithItsDurationAndRowsButNoValues(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        logger.setLevel(Level.DEBUG);
        for (int i = 0; i < 3; i++) {
            repo.save(account(repo, "debug-" + tag, "hunter2-" + tag));
        }
        ModelQuery<Account> mine = ModelQuery.from(Account.class, "a").where(eq("a.name", param("name")));
        assertThat(repo.list(mine, Map.of("name", "debug-" + tag))).hasSize(3);
        assertThat(repo.updateWhere(mine, Map.of("salary", 2), Map.of("name", "debug-" + tag))).isEqualTo(3);
        try (Stream<Account> stream = repo.stream(mine, Map.of("name", "debug-" + tag))) {
            assertThat(stream.count()).isEqualTo(3);
        }
        assertThat(repo.deleteWhere(mine, Map.of("name", "debug-" + tag))).isEqualTo(3);
        List<Map<String, Object>> rows = List.of(Map.of("name", "bulk-" + tag, "password", "hunter2-" + tag),
                Map.of("name", "bulk-" + tag, "password", "hunter2-" + tag));
        assertThat(repo.bulk().insertBulk(Account.class, List.of("name", "password"), rows)).isEqualTo(2);

        assertThat(appender.list).allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.DEBUG));
        assertThat(messages()).filteredOn(m -> m.matches("insert sql_log_accounts " + TIMED + ".*INSERT INTO .*")).hasSize(3)
                .allSatisfy(m -> assertThat(m).contains("[1 row, "));
        assertThat(messages()).anySatisfy(m -> assertThat(m).matches("select sql_log_accounts \\[3 rows, .*: SELECT .*"));
        assertThat(messages()).anySatisfy(m -> assertThat(m).matches("update sql_log_accounts \\[3 rows, .*: UPDATE .*"));
        assertThat(messages()).anySatisfy(m -> assertThat(m).matches("delete sql_log_accounts \\[3 rows, .*: DELETE .*"));
        assertThat(messages()).anySatisfy(m -> assertThat(m).matches("stream sql_log_accounts \\[opened, \\d+\\.\\d\\d ms\\]: SELECT .*"));
        // PostgreSQL streams the rows with COPY, the others send INSERTs: either way one line with the row count
        assertThat(messages()).anySatisfy(m -> assertThat(m).matches("insert-bulk sql_log_accounts \\[2 rows, .*: (INSERT|COPY) .*"));
        assertThat(messages()).noneSatisfy(m -> assertThat(m).contains("hunter2").contains("debug-" + tag));
    }

    @EngineTest
    void traceAddsTheValuesWithCredentialsMasked(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        logger.setLevel(Level.TRACE);
        Account account = account(repo, "trace-" + tag, "hunter2-" + tag);
        account.set("api_token", "tok-" + tag);
        repo.save(account);
        account.set("password", "changed-" + tag);
        repo.save(account);
        repo.list(ModelQuery.from(Account.class, "a").where(and(eq("a.password", param("p")), ge("a.salary", param("min")))),
                Map.of("p", "hunter2-" + tag, "min", 1));
        repo.sql("SELECT name FROM sql_log_accounts WHERE name = :name OR name = lower(:secretWord)")
                .list(Map.of("name", "trace-" + tag, "secretWord", "hidden-" + tag));
        repo.bulk().insertBulk(Account.class, List.of("name", "password"), List.of(Map.of("name", "tb-" + tag, "password", "bulk-" + tag)));

        List<String> values = appender.list.stream().filter(e -> e.getLevel() == Level.TRACE).map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(values).anySatisfy(m -> assertThat(m).startsWith("insert sql_log_accounts values [")
                .contains("name='trace-" + tag + "'", "password=****", "api_token=****", "salary=1"));
        assertThat(values).anySatisfy(m -> assertThat(m).startsWith("update sql_log_accounts values [").contains("password=****"));
        assertThat(values).anySatisfy(m -> assertThat(m).startsWith("select sql_log_accounts values [password=****, salary=1]"));
        assertThat(values).anySatisfy(m -> assertThat(m).isEqualTo("native values [name='trace-" + tag + "', :secretWord=****]"));
        assertThat(messages()).noneSatisfy(m -> assertThat(m).containsAnyOf("hunter2", "changed-", "tok-", "hidden-", "bulk-" + tag));
        for (int i = 0; i < appender.list.size(); i++) {
            ILoggingEvent event = appender.list.get(i);
            if (event.getLevel() == Level.TRACE) {
                String task = event.getFormattedMessage().substring(0, event.getFormattedMessage().indexOf(" values ["));
                assertThat(appender.list.get(i - 1).getLevel()).as("the DEBUG line of its statement comes first").isEqualTo(Level.DEBUG);
                assertThat(appender.list.get(i - 1).getFormattedMessage()).startsWith(task + " [");
            }
        }
    }

    @EngineTest
    void maskedColumnsCanBeConfigured(TestDatabase db) {
        ModelRepository repo = ModelRepository.builder(db.dataSource())
                .sqlLogging(SqlLogSettings.defaults().maskedColumns(List.of("NAME"))).build();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        logger.setLevel(Level.TRACE);
        repo.save(account(repo, "conf-" + tag, "shown-" + tag));
        assertThat(messages()).anySatisfy(m -> assertThat(m).contains("name=****", "password='shown-" + tag + "'"))
                .noneSatisfy(m -> assertThat(m).contains("conf-" + tag));
    }

    @EngineTest
    void nothingIsLoggedAtInfo(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        logger.setLevel(Level.INFO);
        repo.save(account(repo, "info", "hunter2"));
        repo.list(ModelQuery.from(Account.class, "a"), Map.of());
        repo.sql("SELECT COUNT(*) AS n FROM sql_log_accounts").list(Map.of());
        assertThat(appender.list).isEmpty();
    }

    @EngineTest
    void aFailedStatementIsLoggedWithItsError(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        logger.setLevel(Level.DEBUG);
        assertThatThrownBy(() -> repo.sql("SELECT * FROM no_such_table").list(Map.of())).isNotNull();
        assertThat(messages()).singleElement().satisfies(m -> assertThat(m)
                .matches("native \\[failed after \\d+\\.\\d\\d ms: BadSqlGrammarException\\]: SELECT \\* FROM no_such_table"));
    }

    @EngineTest
    void aSlowStatementIsLoggedAtWarnWithItsMaskedValues(TestDatabase db) {
        ModelRepository repo = ModelRepository.builder(db.dataSource())
                .sqlLogging(SqlLogSettings.defaults().slowQueryThreshold(Duration.ofMillis(100))).build();
        logger.setLevel(Level.WARN);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        repo.sql("SELECT COUNT(*) AS n FROM sql_log_accounts WHERE name = :name").list(Map.of("name", "fast-" + tag));
        assertThat(appender.list).as("a fast statement stays below WARN").isEmpty();

        repo.sql(slowSql(db.engine())).list(Map.of("tag", "slow-" + tag, "password", "hunter2-" + tag));
        assertThat(appender.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).matches("slow native \\[1 row, \\d+\\.\\d\\d ms, over 100\\.00 ms\\]: .*")
                    .contains(":tag='slow-" + tag + "'", ":password=****").doesNotContain("hunter2");
        });
    }

    /** A query of about 0.3 s or more that binds :tag and :password in expressions (so masked by parameter name). */
    private static String slowSql(Engine engine) {
        String values = "CAST(:tag AS VARCHAR(20)) AS tag, CAST(:password AS VARCHAR(50)) AS p";
        return switch (engine) {
            case POSTGRESQL -> "SELECT pg_sleep(0.3) IS NULL AS slept, " + values;
            case MARIADB, MYSQL -> "SELECT SLEEP(0.3) AS slept, " + values.replace("VARCHAR", "CHAR");
            // H2 keeps a recursive CTE's rows in memory: a small one joined with itself counts 2,250,000 rows
            case H2 -> "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 1500)"
                    + " SELECT COUNT(*) AS n, " + values + " FROM r a CROSS JOIN r b";
            case SQLITE -> "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3000000)"
                    + " SELECT COUNT(*) AS n, " + values + " FROM r";
        };
    }

    private static Account account(ModelRepository repo, String name, String password) {
        return repo.build(Account.class, Map.of("name", name, "password", password, "salary", 1));
    }

    private List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
