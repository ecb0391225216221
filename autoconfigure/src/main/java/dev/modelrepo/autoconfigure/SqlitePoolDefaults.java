package dev.modelrepo.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Makes SQLite behind a HikariCP pool behave like a server database: WAL, a busy timeout, foreign keys on and
 * transactions that begin IMMEDIATE (Rails 8's defaults, each set by {@code modelrepo.sqlite.*}), passed as
 * sqlite-jdbc driver properties unless the URL or the pool's data-source properties set them; an in-memory database,
 * which every new connection would see empty, gets one connection that the pool never retires.
 */
final class SqlitePoolDefaults implements BeanPostProcessor {

    /** HikariCP's own default pool size. */
    private static final int DEFAULT_POOL_SIZE = 10;

    private final Environment environment;

    SqlitePoolDefaults(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:sqlite:")) {
            Binder binder = Binder.get(this.environment);
            applyPragmas(pool, binder.bind("modelrepo.sqlite", Bindable.of(ModelRepositoryProperties.Sqlite.class))
                .orElseGet(ModelRepositoryProperties.Sqlite::new));
            if (isInMemory(pool.getJdbcUrl())) {
                boolean sizeChosen = pool.getMaximumPoolSize() != DEFAULT_POOL_SIZE
                        || binder.bind("spring.datasource.hikari.maximum-pool-size", Integer.class).isBound();
                useOneLastingConnection(pool, beanName, sizeChosen);
            }
        }
        return bean;
    }

    private static void applyPragmas(HikariDataSource pool, ModelRepositoryProperties.Sqlite settings) {
        Map<String, String> pragmas = new LinkedHashMap<>();
        pragmas.put("journal_mode", settings.getJournalMode().toUpperCase(Locale.ROOT));
        pragmas.put("busy_timeout", Long.toString(settings.getBusyTimeout().toMillis()));
        pragmas.put("foreign_keys", Boolean.toString(settings.isForeignKeys()));
        pragmas.put("transaction_mode", settings.getTransactionMode().toUpperCase(Locale.ROOT));
        String query = query(pool.getJdbcUrl());
        Properties given = pool.getDataSourceProperties();
        pragmas.forEach((name, value) -> {
            if (!given.containsKey(name) && !query.contains(name + "=")) {
                pool.addDataSourceProperty(name, value);
            }
        });
    }

    /**
     * {@code :memory:}, {@code mode=memory} and the empty file name give every connection a database of its own. One
     * connection, never retired: the pool can neither open a second (empty) database nor drop the one holding the data.
     */
    private static void useOneLastingConnection(HikariDataSource pool, String beanName, boolean sizeChosen) {
        if (sizeChosen && pool.getMaximumPoolSize() > 1) {
            throw new IllegalStateException("The DataSource '" + beanName + "' opens the in-memory SQLite database "
                    + pool.getJdbcUrl() + " with up to " + pool.getMaximumPoolSize() + " connections, but every connection to it "
                    + "sees a database of its own, empty: use a file (jdbc:sqlite:app.db), or a pool of 1 connection "
                    + "(spring.datasource.hikari.maximum-pool-size=1, what modelrepo sets when no size is given)");
        }
        pool.setMaximumPoolSize(1);
        pool.setMinimumIdle(1);
        pool.setMaxLifetime(0);
        pool.setIdleTimeout(0);
    }

    static boolean isInMemory(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        String file = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        return file.isEmpty() || file.equals(":memory:") || file.startsWith("file::memory:") || query(url).contains("mode=memory");
    }

    private static String query(String url) {
        int at = url.indexOf('?');
        return at < 0 ? "" : url.substring(at + 1);
    }
}
