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

    @Test
    void postgresNeverRetriesAnOutcomeItCouldNotReportNorAConstraintBrokenAtCommit() {
        assertThat(PostgresDialect.INSTANCE.isConflict(new SQLException("statement completion unknown", "40003"))).isFalse();
        assertThat(PostgresDialect.INSTANCE.isConflict(new SQLException("integrity constraint violation", "40002"))).isFalse();
        SQLException batch = new java.sql.BatchUpdateException("Batch entry 0 was aborted", "40001", 0, new int[0]);
        assertThat(PostgresDialect.INSTANCE.isConflict(batch)).isTrue();
        SQLException chained = new SQLException("Batch entry 0 was aborted", (String) null);
        chained.setNextException(new SQLException("could not serialize access", "40001"));
        assertThat(PostgresDialect.INSTANCE.isConflict(chained)).as("the reason chained to a batch failure").isTrue();
    }

    @Test
    void h2DeadlocksLockTimeoutsAndConcurrentUpdatesAreConflicts() {
        assertThat(H2Dialect.INSTANCE.isConflict(new SQLException("Deadlock detected", "40001", 40001))).isTrue();
        assertThat(H2Dialect.INSTANCE.isConflict(new SQLException("Timeout trying to lock table", "HYT00", 50200))).isTrue();
        assertThat(H2Dialect.INSTANCE.isConflict(new SQLException("Concurrent update in table", "90131", 90131))).isTrue();
        assertThat(H2Dialect.INSTANCE.isConflict(new SQLException("Table not found", "42S02", 42102))).isFalse();
    }

    @Test
    void mysqlGroupReplicationRollbacksAtCommitAreConflicts() {
        assertThat(MySqlDialect.INSTANCE.isConflict(new SQLException("Plugin instructed the server to rollback", "40000", 3101))).isTrue();
        assertThat(MariaDbDialect.INSTANCE.isConflict(new SQLException("Deadlock found", "40001", 1213))).isTrue();
    }
}
