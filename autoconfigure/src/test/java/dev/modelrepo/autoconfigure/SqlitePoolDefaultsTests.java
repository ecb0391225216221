package dev.modelrepo.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.modelrepo.autoconfigure.models.Widget;
import dev.modelrepo.repository.ModelRepository;

/** SQLite through Boot's DataSource: WAL, busy timeout, foreign keys and IMMEDIATE transactions by default; :memory: shared. */
class SqlitePoolDefaultsTests {

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                LiquibaseAutoConfiguration.class, ModelRepositoryAutoConfiguration.class))
        .withPropertyValues("spring.liquibase.change-log=classpath:db/sqlite-changelog.xml")
        .withUserConfiguration(ApplicationPackage.class);

    @Test
    void aFileDatabaseGetsTheDefaultsReadBackFromItsPragmas() {
        this.runner.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + dir.resolve("app.db")).run((context) -> {
            assertThat(context).hasNotFailed();
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(connection, "busy_timeout")).isEqualTo("5000");
                assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
                assertThat(connection.unwrap(SQLiteConnection.class).getConnectionConfig().getTransactionMode())
                    .isEqualTo(SQLiteConfig.TransactionMode.IMMEDIATE);
            }
        });
    }

    @Test
    void theUrlThePropertiesAndThePoolsOwnSettingsWin() {
        this.runner.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + dir.resolve("own.db") + "?journal_mode=DELETE",
                "spring.datasource.hikari.data-source-properties.busy_timeout=250", "modelrepo.sqlite.foreign-keys=false",
                "modelrepo.sqlite.transaction-mode=deferred")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                    assertThat(pragma(connection, "journal_mode")).isEqualTo("delete");
                    assertThat(pragma(connection, "busy_timeout")).isEqualTo("250");
                    assertThat(pragma(connection, "foreign_keys")).isEqualTo("0");
                    assertThat(connection.unwrap(SQLiteConnection.class).getConnectionConfig().getTransactionMode())
                        .isEqualTo(SQLiteConfig.TransactionMode.DEFERRED);
                }
            });
    }

    @Test
    void eachDefaultIsAProperty() {
        this.runner.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + dir.resolve("props.db"), "modelrepo.sqlite.journal-mode=truncate",
                "modelrepo.sqlite.busy-timeout=750ms", "modelrepo.sqlite.foreign-keys=false", "modelrepo.sqlite.transaction-mode=exclusive")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                    assertThat(pragma(connection, "journal_mode")).isEqualTo("truncate");
                    assertThat(pragma(connection, "busy_timeout")).isEqualTo("750");
                    assertThat(pragma(connection, "foreign_keys")).isEqualTo("0");
                    assertThat(connection.unwrap(SQLiteConnection.class).getConnectionConfig().getTransactionMode())
                        .isEqualTo(SQLiteConfig.TransactionMode.EXCLUSIVE);
                }
            });
    }

    @Test
    void disabledLeavesTheDriversOwnDefaultsAndThePool() {
        this.runner.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + dir.resolve("off.db"), "modelrepo.sqlite.enabled=false")
            .run((context) -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(SqlitePoolDefaults.class);
                try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                    assertThat(pragma(connection, "journal_mode")).isEqualTo("delete");
                    assertThat(pragma(connection, "foreign_keys")).isEqualTo("0");
                    assertThat(connection.unwrap(SQLiteConnection.class).getConnectionConfig().getTransactionMode())
                        .isEqualTo(SQLiteConfig.TransactionMode.DEFERRED);
                }
            });
    }

    @Test
    void anInMemoryDatabaseIsOneSharedConnectionThatKeepsItsTables() {
        this.runner.withPropertyValues("spring.datasource.url=jdbc:sqlite::memory:").run((context) -> {
            assertThat(context).hasNotFailed();
            ModelRepository repository = context.getBean(ModelRepository.class);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> saves = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    String name = "widget " + i;
                    saves.add(threads.submit(() -> repository.save(repository.build(Widget.class, Map.of("name", name)))));
                }
                for (Future<Boolean> save : saves) {
                    assertThat(save.get()).isTrue();
                }
            }
            finally {
                threads.shutdownNow();
            }
            assertThat(repository.count(repository.query(Widget.class, "w"), Map.of())).isEqualTo(12);
        });
    }

    @Test
    void anInMemoryDatabaseWithABiggerPoolFailsAtStartUpSayingWhy() {
        this.runner.withPropertyValues("spring.datasource.url=jdbc:sqlite::memory:", "spring.datasource.hikari.maximum-pool-size=4")
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("in-memory SQLite database")
                .hasMessageContaining("every connection to it sees a database of its own")
                .hasMessageContaining("maximum-pool-size=1"));
    }

    @Test
    void inMemoryUrlsAreRecognised() {
        assertThat(SqlitePoolDefaults.isInMemory("jdbc:sqlite::memory:")).isTrue();
        assertThat(SqlitePoolDefaults.isInMemory("jdbc:sqlite:")).isTrue();
        assertThat(SqlitePoolDefaults.isInMemory("jdbc:sqlite:file::memory:?cache=shared")).isTrue();
        assertThat(SqlitePoolDefaults.isInMemory("jdbc:sqlite:file:x?mode=memory&cache=shared")).isTrue();
        assertThat(SqlitePoolDefaults.isInMemory("jdbc:sqlite:app.db")).isFalse();
        assertThat(SqlitePoolDefaults.isInMemory("jdbc:sqlite:/tmp/app.db?journal_mode=WAL")).isFalse();
    }

    private static String pragma(Connection connection, String name) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Stands in for the application's @SpringBootApplication package. */
    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Widget.class)
    static class ApplicationPackage {

    }
}
