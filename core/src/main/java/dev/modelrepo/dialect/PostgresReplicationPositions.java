package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's WAL positions as byte offsets ({@code pg_lsn - '0/0'}): the insert position for the primary (at or past
 * a commit just made on the connection, even with {@code synchronous_commit = off}), {@code pg_last_wal_replay_lsn()}
 * for a hot standby, and {@code pg_current_xact_id_if_assigned()} to tell whether a transaction wrote.
 */
final class PostgresReplicationPositions implements ReplicationPositions {

    static final PostgresReplicationPositions INSTANCE = new PostgresReplicationPositions();

    private PostgresReplicationPositions() {
    }

    @Override
    public boolean transactionWrote(Connection primary) throws SQLException {
        try (Statement st = primary.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_current_xact_id_if_assigned() IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    @Override
    public long primaryPosition(Connection primary) throws SQLException {
        try (Statement st = primary.createStatement();
                ResultSet rs = st.executeQuery("SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public ReplicaState replicaState(Connection replica) throws SQLException {
        try (Statement st = replica.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery(), (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint")) {
            rs.next();
            boolean standby = rs.getBoolean(1);
            long replayed = rs.getLong(2);
            return new ReplicaState(standby, rs.wasNull() ? -1 : replayed);
        }
    }
}
