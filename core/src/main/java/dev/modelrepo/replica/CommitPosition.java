package dev.modelrepo.replica;

import java.sql.Connection;
import java.sql.SQLException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.transaction.support.TransactionSynchronization;

import dev.modelrepo.dialect.ReplicationPositions;

/**
 * Remembers the replication position of a read-write transaction's commit in the thread's {@link ReadYourWrites} scope,
 * when the transaction wrote: asked on its primary connection before the commit (one query), and the position read on
 * the same connection right after it (one more), which is at or past the commit's record.
 */
final class CommitPosition implements TransactionSynchronization {

    private static final Log logger = LogFactory.getLog(ReplicaRouting.class);

    private final Connection connection;

    private final ReplicationPositions positions;

    private boolean wrote;

    CommitPosition(Connection connection, ReplicationPositions positions) {
        this.connection = connection;
        this.positions = positions;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        try {
            wrote = !readOnly && positions.transactionWrote(connection);
        }
        catch (SQLException ex) {
            wrote = true;   // cannot tell: wait for the position after the commit, as if it wrote
            logger.debug("Could not tell whether the transaction wrote: " + ex.getMessage());
        }
    }

    @Override
    public void afterCommit() {
        if (!wrote) {
            return;
        }
        try {
            ReadYourWrites.remember(positions.primaryPosition(connection));
        }
        catch (SQLException ex) {
            logger.warn("Could not read the position of a commit for read-your-writes; reads of this thread may not see it"
                    + " on the replica until it catches up: " + ex.getMessage());
        }
    }
}
