package dev.modelrepo.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.modelrepo.autoconfigure.stamped.Note;
import dev.modelrepo.model.Model;
import dev.modelrepo.repository.ModelRepository;

/**
 * SQLite through Boot's DataSource with a Liquibase changelog declaring created_at/updated_at as TIMESTAMP (which
 * Liquibase writes as TEXT on SQLite): save and the bulk writes maintain them as ISO text SQLite's date functions read.
 */
class SqliteTimestampsTests {

    static final Instant NOW = Instant.parse("2026-12-01T09:30:00.250Z");

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                LiquibaseAutoConfiguration.class, ModelRepositoryAutoConfiguration.class))
        .withPropertyValues("spring.liquibase.change-log=classpath:db/sqlite-timestamps-changelog.xml")
        .withUserConfiguration(ApplicationPackage.class);

    @Test
    void liquibaseTimestampColumnsAreMaintainedOnSaveAndInBulk() {
        this.runner.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + dir.resolve("notes.db")).run((context) -> {
            assertThat(context).hasNotFailed();
            ModelRepository repo = context.getBean(ModelRepository.class);
            Note note = repo.build(Note.class, Map.of("body", "saved"));
            repo.saveOrThrow(note);
            assertThat(note.<Object>get("created_at")).isEqualTo("2026-12-01 09:30:00.250");
            assertThat(note.<Object>get("updated_at")).isEqualTo("2026-12-01 09:30:00.250");

            repo.bulk().insertBulk(Note.class, List.of("body"), List.of(Map.of("body", "bulk")));
            List<Map<String, Object>> rows = repo.sql("SELECT body, datetime(created_at) AS c, datetime(updated_at) AS u FROM notes ORDER BY id")
                .list(Map.of());
            assertThat(rows).extracting(r -> r.get("c")).containsExactly("2026-12-01 09:30:00", "2026-12-01 09:30:00");
            assertThat(rows).extracting(r -> r.get("u")).containsExactly("2026-12-01 09:30:00", "2026-12-01 09:30:00");
            Model fresh = repo.getById(Note.class, note.id());
            assertThat(fresh.<Object>get("created_at")).isEqualTo(note.get("created_at"));
        });
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Note.class)
    static class ApplicationPackage {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
