package dev.modelrepo.autoconfigure.replica;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.replica.FallbackReason;
import dev.modelrepo.replica.ReplicaRouting;
import dev.modelrepo.repository.ModelRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests of {@link ReplicaAutoConfiguration} on embedded H2 databases (a primary and a stand-in replica). */
class ReplicaAutoConfigurationTests {

    private static final String PRIMARY = "jdbc:h2:mem:primary_" + hex() + ";DB_CLOSE_DELAY=-1";

    private static final String REPLICA = "jdbc:h2:mem:replica_" + hex() + ";DB_CLOSE_DELAY=-1";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                ModelRepositoryAutoConfiguration.class, ReplicaAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + PRIMARY, "modelrepo.model-packages=dev.modelrepo.autoconfigure.replica.none",
                "modelrepo.replica.check-interval=0");

    static {
        try {
            marker(PRIMARY, "primary");
            marker(REPLICA, "replica");
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void withoutAReplicaTheDataSourceStaysAsItIs() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ReplicaMeterBinder.class);
            assertThat(ReplicaRouting.routes(context.getBean(DataSource.class))).isFalse();
        });
    }

    @Test
    void replicaPropertiesBuildAReadOnlyPoolWithAShortConnectionTimeout() {
        this.contextRunner.withPropertyValues("modelrepo.replica.url=" + REPLICA, "modelrepo.replica.username=sa",
                "modelrepo.replica.password=secret").run((context) -> {
                    ReplicaRouting routing = ReplicaRoutingPostgresTests.routing(context);
                    HikariDataSource pool = (HikariDataSource) routing.replicaDataSource();
                    assertThat(pool.getJdbcUrl()).isEqualTo(REPLICA);
                    assertThat(pool.getUsername()).isEqualTo("sa");
                    assertThat(pool.getPassword()).isEqualTo("secret");
                    assertThat(pool.isReadOnly()).isTrue();
                    assertThat(pool.getConnectionTimeout()).isEqualTo(ReplicaPools.CONNECTION_TIMEOUT_MILLIS);
                    assertThat(context).hasSingleBean(ReplicaMeterBinder.class);
                });
    }

    @Test
    void aReplicaDataSourceBeanServesReadOnlyTransactions() {
        this.contextRunner.withUserConfiguration(ReplicaBean.class).run((context) -> {
            assertThat(context).hasNotFailed();
            ModelRepository repo = context.getBean(ModelRepository.class);
            TransactionTemplate readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            readOnly.setReadOnly(true);
            TransactionTemplate readWrite = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            assertThat((String) readOnly.execute((tx) -> marker(repo))).isEqualTo("replica");
            assertThat((String) readWrite.execute((tx) -> marker(repo))).isEqualTo("primary");
            assertThat(marker(repo)).as("native SQL outside a transaction").isEqualTo("primary");
            ReplicaRouting routing = ReplicaRoutingPostgresTests.routing(context);
            assertThat(routing.replicaDataSource()).isSameAs(context.getBean("replica"));
            routing.check();   // H2 has no replication positions: the replica is usable while it answers
            assertThat(routing.skippedFor()).isNull();
            assertThat(routing.stats().reads()).isEqualTo(1);
        });
    }

    @Test
    void checkIntervalChecksTheReplicaInTheBackground() {
        String dead = "modelrepo.replica.url=jdbc:postgresql://127.0.0.1:1/none";
        this.contextRunner.withPropertyValues(dead, "modelrepo.replica.check-interval=20ms").run((context) -> {
            ReplicaRouting routing = ReplicaRoutingPostgresTests.routing(context);
            for (int i = 0; i < 1000 && routing.skippedFor() == null; i++) {
                Thread.sleep(10);
            }
            assertThat(routing.skippedFor()).as("found down by the background check, before any read").isEqualTo(FallbackReason.DOWN);
            assertThat(routing.stats().fallbacks(FallbackReason.DOWN)).isZero();
        });
        this.contextRunner.withPropertyValues(dead).run((context) -> {
            ReplicaRouting routing = ReplicaRoutingPostgresTests.routing(context);
            Thread.sleep(200);
            assertThat(routing.skippedFor()).as("check-interval=0: no background check").isNull();
        });
    }

    private static String marker(ModelRepository repo) {
        return (String) repo.sql("SELECT name FROM marker").list(Map.of()).get(0).get("name");
    }

    private static void marker(String url, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE marker (name VARCHAR(20))");
            c.createStatement().execute("INSERT INTO marker VALUES ('" + name + "')");
        }
    }

    private static String hex() {
        return HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    }

    @Configuration(proxyBeanMethods = false)
    static class ReplicaBean {

        @Bean(defaultCandidate = false)
        @ReplicaDataSource
        DataSource replica() {
            return new DriverManagerDataSource(REPLICA, "sa", "");
        }
    }
}
