package dev.modelrepo.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Boot's transaction manager on SQLite: a BEGIN that fails because another connection writes must not send the
 * pooled connection back with autocommit off (sqlite-jdbc leaves it so), where the next plain write would stay in a
 * transaction nobody commits.
 */
class SqliteTransactionManagerTests {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner(Path file) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, ModelRepositoryAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:sqlite:" + file + "?journal_mode=WAL&busy_timeout=100&transaction_mode=IMMEDIATE",
                    "spring.datasource.hikari.maximum-pool-size=1", "modelrepo.model-packages=dev.modelrepo.autoconfigure.none");
    }

    @Test
    void aFailedBeginLeavesThePooledConnectionInAutocommit() throws Exception {
        Path file = Files.createFile(dir.resolve("app.db"));
        runner(file).run(context -> {
            assertThat(context).hasNotFailed();
            DataSource dataSource = context.getBean(DataSource.class);
            DataSourceTransactionManager manager = (DataSourceTransactionManager) context.getBean(PlatformTransactionManager.class);
            assertThat(manager.getDataSource()).isNotSameAs(dataSource).isInstanceOf(InfrastructureProxy.class);
            assertThat(((InfrastructureProxy) manager.getDataSource()).getWrappedObject()).isSameAs(dataSource);
            try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                holder.setAutoCommit(false);
                try (Statement s = holder.createStatement()) {
                    s.execute("CREATE TABLE t (x INT)");
                }
                assertThatThrownBy(() -> new TransactionTemplate(manager).executeWithoutResult(status -> { }))
                        .isInstanceOf(CannotCreateTransactionException.class);
                holder.rollback();
            }
            try (Connection pooled = dataSource.getConnection()) {
                assertThat(pooled.getAutoCommit()).as("the connection the failed BEGIN used").isTrue();
            }
        });
    }

    @Test
    void otherDatabasesKeepTheirDataSource() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, ModelRepositoryAutoConfiguration.class))
            .withPropertyValues("spring.datasource.generate-unique-name=true", "modelrepo.model-packages=dev.modelrepo.autoconfigure.none")
            .run(context -> {
                DataSourceTransactionManager manager = (DataSourceTransactionManager) context.getBean(PlatformTransactionManager.class);
                assertThat(manager.getDataSource()).isSameAs(context.getBean(DataSource.class));
            });
    }
}
