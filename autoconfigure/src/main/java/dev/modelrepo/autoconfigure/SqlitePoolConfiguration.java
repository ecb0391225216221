package dev.modelrepo.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Registers {@link SqlitePoolDefaults} when the application has HikariCP and sqlite-jdbc; off with {@code modelrepo.sqlite.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "com.zaxxer.hikari.HikariDataSource", "org.sqlite.JDBC" })
@ConditionalOnBooleanProperty(name = "modelrepo.sqlite.enabled", matchIfMissing = true)
class SqlitePoolConfiguration {

    /** Static: a post-processor must not make this configuration class be created early. */
    @Bean
    static SqlitePoolDefaults modelRepositorySqlitePoolDefaults(Environment environment) {
        return new SqlitePoolDefaults(environment);
    }
}
