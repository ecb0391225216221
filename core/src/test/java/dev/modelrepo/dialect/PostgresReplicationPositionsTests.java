package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import dev.modelrepo.test.Engine;
import dev.modelrepo.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL's replication positions on the primary: whether a transaction wrote, the position after a commit. */
class PostgresReplicationPositionsTests {

    private final ReplicationPositions positions = PostgresDialect.INSTANCE.replication();

    @Test
    void aTransactionWroteOnlyOnceItChangedARowAndItsCommitMovesThePosition() throws SQLException {
        try (TestDatabase db = TestDatabase.create(Engine.POSTGRESQL); Connection c = db.dataSource().getConnection()) {
            execute(c, "CREATE TABLE notes (id int PRIMARY KEY)");
            c.setAutoCommit(false);
            execute(c, "SELECT count(*) FROM notes");
            assertThat(positions.transactionWrote(c)).as("after a read").isFalse();
            execute(c, "INSERT INTO notes VALUES (1)");
            assertThat(positions.transactionWrote(c)).as("after an insert").isTrue();
            long before = positions.primaryPosition(c);
            c.commit();
            long after = positions.primaryPosition(c);
            assertThat(after).as("the commit's record lies between").isGreaterThan(before);
            assertThat(after).isLessThanOrEqualTo(lsn(c, "pg_current_wal_insert_lsn()"));
            c.rollback();
        }
    }

    @Test
    void aPositionJustPastAPageHeaderIsTheEndOfThePreviousPage() throws SQLException {
        try (TestDatabase db = TestDatabase.create(Engine.POSTGRESQL); Connection c = db.dataSource().getConnection()) {
            long segment = 16L * 1024 * 1024;
            assertThat(PostgresReplicationPositions.recordEnd(c, 3 * 8192 + 24)).as("short header").isEqualTo(3 * 8192);
            assertThat(PostgresReplicationPositions.recordEnd(c, 2 * segment + 40)).as("long header").isEqualTo(2 * segment);
            assertThat(PostgresReplicationPositions.recordEnd(c, 3 * 8192 + 64)).as("inside a page").isEqualTo(3 * 8192 + 64);
        }
    }

    @Test
    void thePrimaryIsNoStandby() throws SQLException {
        try (TestDatabase db = TestDatabase.create(Engine.POSTGRESQL); Connection c = db.dataSource().getConnection()) {
            assertThat(positions.replicaState(c)).isEqualTo(new ReplicationPositions.ReplicaState(false, -1));
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long lsn(Connection c, String function) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT (" + function + " - '0/0'::pg_lsn)::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
