package dev.modelrepo.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Each dialect says which of its database's errors are conflicts a retry may not meet, as its translator sees them. */
class ConflictClassificationTests {

    @Test
    void sqliteBusyAndLockedAreConflictsAndASyntaxErrorIsNot() {
        assertThat(SqliteDialect.INSTANCE.isConflict(new SQLException("[SQLITE_BUSY] The database file is locked", null, 5))).isTrue();
        assertThat(SqliteDialect.INSTANCE.isConflict(new SQLException("[SQLITE_LOCKED] A table is locked", null, 6))).isTrue();
        assertThat(SqliteDialect.INSTANCE.isConflict(new SQLException("[SQLITE_ERROR] near \"x\": syntax error", null, 1))).isFalse();
    }

    @Test
    void postgresSerializationFailuresDeadlocksAndLockTimeoutsAreConflicts() {
        assertThat(PostgresDialect.INSTANCE.isConflict(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(PostgresDialect.INSTANCE.isConflict(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(PostgresDialect.INSTANCE.isConflict(new SQLException("could not obtain lock on row", "55P03"))).isTrue();
        assertThat(PostgresDialect.INSTANCE.isConflict(new SQLException("relation does not exist", "42P01"))).isFalse();
    }

    @Test
    void mysqlDeadlocksAndLockWaitTimeoutsAreConflicts() {
        assertThat(MySqlDialect.INSTANCE.isConflict(new SQLException("Deadlock found", "40001", 1213))).isTrue();
        assertThat(MySqlDialect.INSTANCE.isConflict(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isTrue();
        assertThat(MySqlDialect.INSTANCE.isConflict(new SQLException("Unknown column", "42S22", 1054))).isFalse();
    }
}
