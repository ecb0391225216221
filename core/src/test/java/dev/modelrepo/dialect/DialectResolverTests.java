package dev.modelrepo.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Detection from product name and version strings, and by configured name. */
class DialectResolverTests {

    @Test
    void productNamesMapToDialects() {
        assertThat(DialectResolver.resolve("PostgreSQL", "15.20", 15, 20)).isSameAs(PostgresDialect.INSTANCE);
        assertThat(DialectResolver.resolve("MySQL", "8.4.0", 8, 4)).isSameAs(MySqlDialect.INSTANCE);
        assertThat(DialectResolver.resolve("H2", "2.4.240 (2025-09-22)", 2, 4)).isSameAs(H2Dialect.INSTANCE);
        assertThat(DialectResolver.resolve("SQLite", "3.53.2", 3, 53)).isSameAs(SqliteDialect.INSTANCE);
    }

    @Test
    void mariaDbIsRecognisedEvenWhenTheDriverSaysMySql() {
        assertThat(DialectResolver.resolve("MariaDB", "10.11.19-MariaDB-0+deb12u1", 10, 11)).isInstanceOf(MariaDbDialect.class);
        Dialect viaMySqlDriver = DialectResolver.resolve("MySQL", "5.5.5-10.6.12-MariaDB-log", 5, 5);
        assertThat(viaMySqlDriver).isInstanceOf(MariaDbDialect.class);
        assertThat(viaMySqlDriver.lockClause(dev.modelrepo.lock.LockOptions.forUpdate().skipLocked().request())).isEqualTo(" FOR UPDATE SKIP LOCKED");
    }

    @Test
    void namesSelectDialectsAndUnknownNamesFailClearly() {
        assertThat(DialectResolver.byName("MariaDB")).isSameAs(MariaDbDialect.INSTANCE);
        assertThat(DialectResolver.byName("postgres")).isSameAs(PostgresDialect.INSTANCE);
        assertThatThrownBy(() -> DialectResolver.byName("oracle")).isInstanceOf(NoDialectException.class)
                .hasMessageContaining("oracle").hasMessageContaining("postgresql, mysql, mariadb, h2, sqlite");
        assertThatThrownBy(() -> DialectResolver.resolve("Oracle", "23", 23, 0)).isInstanceOf(NoDialectException.class)
                .hasMessageContaining("modelrepo.dialect");
    }

    @Test
    void mysqlAndMariaDbDifferWhereTheyShould() {
        assertThat(MySqlDialect.INSTANCE.quote("a`b")).isEqualTo("`a``b`");
        assertThat(PostgresDialect.INSTANCE.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(MariaDbDialect.INSTANCE).isInstanceOf(MySqlDialect.class);
        assertThat(MariaDbDialect.INSTANCE.inListStrategy()).isEqualTo(InListStrategy.PADDED);
        assertThat(PostgresDialect.INSTANCE.inListStrategy()).isEqualTo(InListStrategy.ARRAY);
    }

    @Test
    void lockFailuresOfEachEngineAreSpringsLockExceptions() {
        var mysqlNowait = new java.sql.SQLException("Statement aborted because lock(s) could not be acquired immediately and NOWAIT is set.",
                "HY000", 3572);
        assertThat(MySqlDialect.INSTANCE.exceptionTranslator().translate("lock", "SELECT 1", mysqlNowait))
                .isInstanceOf(org.springframework.dao.CannotAcquireLockException.class);
        var mysqlTimeout = new java.sql.SQLException("Lock wait timeout exceeded", "HY000", 1205);
        assertThat(MariaDbDialect.INSTANCE.exceptionTranslator().translate("lock", "SELECT 1", mysqlTimeout))
                .isInstanceOf(org.springframework.dao.CannotAcquireLockException.class);
        var pgNowait = new java.sql.SQLException("could not obtain lock on row", "55P03", 0);
        assertThat(PostgresDialect.INSTANCE.exceptionTranslator().translate("lock", "SELECT 1", pgNowait))
                .isInstanceOf(org.springframework.dao.CannotAcquireLockException.class);
        var sqliteBusy = new java.sql.SQLException("[SQLITE_BUSY] The database file is locked", null, 5);
        assertThat(SqliteDialect.INSTANCE.exceptionTranslator().translate("lock", "SELECT 1", sqliteBusy))
                .isInstanceOf(org.springframework.dao.CannotAcquireLockException.class);
    }
}
