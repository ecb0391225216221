package dev.modelrepo.repository.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Closes the cursors a Spring transaction (or synchronization scope) opened and left open, before it commits or rolls back. */
// One per transaction, bound as a resource for the cursors to find; closed cursors leave it, so it holds only open ones.
final class CursorSynchronization implements TransactionSynchronization {

    private static final Object KEY = new Object();

    private final Set<CursorResources> open = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Ties the cursor to the current transaction; synchronization must be active. */
    static void register(CursorResources resources) {
        CursorSynchronization sync = (CursorSynchronization) TransactionSynchronizationManager.getResource(KEY);
        if (sync == null) {
            sync = new CursorSynchronization();
            TransactionSynchronizationManager.registerSynchronization(sync);
            TransactionSynchronizationManager.bindResource(KEY, sync);
        }
        synchronized (sync) {
            sync.open.add(resources);
        }
        resources.belongTo(sync);
    }

    synchronized void forget(CursorResources resources) {
        open.remove(resources);
    }

    /** Before the connection's own synchronization, which may release the connection in its beforeCompletion. */
    @Override
    public int getOrder() {
        return DataSourceUtils.CONNECTION_SYNCHRONIZATION_ORDER - 1;
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(KEY, this);
    }

    /** Before the commit or rollback: MySQL cannot even commit with a streaming result open. */
    @Override
    public void beforeCompletion() {
        closeAll();
    }

    /** Again here, for cursors opened after beforeCompletion (in an afterCommit callback, say). */
    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        closeAll();
    }

    private void closeAll() {
        List<CursorResources> cursors;
        synchronized (this) {
            cursors = new ArrayList<>(open);
            open.clear();
        }
        for (CursorResources cursor : cursors) {
            cursor.release(CursorResources.State.TRANSACTION_ENDED);
        }
    }
}
