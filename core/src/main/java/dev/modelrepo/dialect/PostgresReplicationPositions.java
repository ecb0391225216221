package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's WAL positions as byte offsets ({@code pg_lsn - '0/0'}): the insert position for the primary (at or past
 * a commit just made on the connection, even with {@code synchronous_commit = off}; as a record's end, see
 * {@link #RECORD_END}), {@code pg_last_wal_replay_lsn()}
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

    /**
     * A WAL position as the end of the record before it: the insert position points past the header of a page the next
     * record has not begun yet (24 bytes, 40 at the start of a segment), where a standby that replayed everything
     * reports the page's start; so an idle primary and a caught-up standby report the same position.
     */
    private static final String RECORD_END = "SELECT CASE WHEN p % pg_size_bytes(current_setting('wal_segment_size')) = 40 THEN p - 40"
            + " WHEN p % current_setting('wal_block_size')::bigint = 24 THEN p - 24 ELSE p END FROM (SELECT {position} AS p) AS position";

    @Override
    public long primaryPosition(Connection primary) throws SQLException {
        try (Statement st = primary.createStatement();
                ResultSet rs = st.executeQuery(RECORD_END.replace("{position}", "(pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint"))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@link #RECORD_END} of a given position, computed by the server (for tests of the page arithmetic). */
    static long recordEnd(Connection connection, long position) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(RECORD_END.replace("{position}", "?::bigint"))) {
            ps.setLong(1, position);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The replayed position only while in recovery: a primary that went through crash recovery at start-up keeps
     * reporting the last record it replayed then, which is no replica's position.
     */
    @Override
    public ReplicaState replicaState(Connection replica) throws SQLException {
        try (Statement st = replica.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery(),"
                        + " CASE WHEN pg_is_in_recovery() THEN (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint END")) {
            rs.next();
            boolean standby = rs.getBoolean(1);
            long replayed = rs.getLong(2);
            return new ReplicaState(standby, rs.wasNull() ? -1 : replayed);
        }
    }
}
