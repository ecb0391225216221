package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database's replication log positions, as numbers that grow with the log: where the primary's log is after a
 * commit, whether a transaction wrote, and how far a replica has replayed. Read replicas use them to measure lag and to
 * decide whether a replica has a caller's own commit (read-your-writes).
 */
public interface ReplicationPositions {

    /** Whether the transaction open on this primary connection has written (so its commit has a position to wait for). */
    boolean transactionWrote(Connection primary) throws SQLException;

    /** The primary's current log position: after a commit on this connection, at or past that commit's record. */
    long primaryPosition(Connection primary) throws SQLException;

    /** What a replica says of itself: whether it replays a primary's log and up to where; see {@link ReplicaState}. */
    ReplicaState replicaState(Connection replica) throws SQLException;

    /**
     * A replica's state.
     *
     * @param standby whether the server replays a primary's log (PostgreSQL: {@code pg_is_in_recovery()})
     * @param replayed the position of the last replayed record, -1 when unknown (not a standby)
     */
    record ReplicaState(boolean standby, long replayed) {
    }
}
