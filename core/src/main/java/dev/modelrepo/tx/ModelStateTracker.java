package dev.modelrepo.tx;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.ModelAccess;

/**
 * Makes model state follow the database: the state of each model written in a transaction is recorded before
 * its first write after each savepoint, and restored (new-ness and id, values, dirty flags, version, frozen
 * flag) when the transaction or the savepoint rolls back, so a later save does the right thing. Registered as a
 * {@link TransactionSynchronization} of the current transaction (CLOS-DB's invalidation on rollback, explicitly).
 */
public final class ModelStateTracker implements TransactionSynchronization {

    private static final ModelAccess ACCESS = ModelAccess.get();

    /** The resource key of the current transaction's tracker. */
    private static final Object KEY = new Object() {
        @Override
        public String toString() {
            return "modelrepo model state tracker";
        }
    };

    /** One level per savepoint taken while this tracker was registered; level 0 is the transaction itself. */
    private final List<Level> levels = new ArrayList<>();

    private record Level(Object savepoint, Map<Model, Object> before) {
    }

    private ModelStateTracker() {
        levels.add(new Level(KEY, new IdentityHashMap<>()));
    }

    /**
     * Records the model's state before a write, when a transaction with synchronization is active; outside one
     * the write is final and nothing is recorded.
     */
    public static void beforeWrite(Model model) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        ModelStateTracker tracker = (ModelStateTracker) TransactionSynchronizationManager.getResource(KEY);
        if (tracker == null) {
            tracker = new ModelStateTracker();
            TransactionSynchronizationManager.bindResource(KEY, tracker);
            TransactionSynchronizationManager.registerSynchronization(tracker);
        }
        tracker.record(model);
    }

    private void record(Model model) {
        Map<Model, Object> current = levels.get(levels.size() - 1).before();
        current.computeIfAbsent(model, ACCESS::snapshot);
    }

    @Override
    public void savepoint(Object savepoint) {
        levels.add(new Level(savepoint, new IdentityHashMap<>()));
    }

    @Override
    public void savepointRollback(Object savepoint) {
        int index = -1;
        for (int i = levels.size() - 1; i > 0; i--) {
            if (levels.get(i).savepoint() == savepoint) {
                index = i;
                break;
            }
        }
        // A savepoint taken before this tracker existed: everything recorded came after it.
        int from = index < 0 ? 0 : index;
        restoreFrom(from);
        while (levels.size() > Math.max(1, from + 1)) {
            levels.remove(levels.size() - 1);
        }
        levels.get(levels.size() - 1).before().clear();
        if (index > 0) {
            levels.get(index).before().clear();
        }
    }

    /** Restores the models of every level from {@code from} on, latest first, so each ends in its earliest state. */
    private void restoreFrom(int from) {
        for (int i = levels.size() - 1; i >= from; i--) {
            levels.get(i).before().forEach(ACCESS::restore);
        }
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        if (status != STATUS_COMMITTED) {
            restoreFrom(0);
        }
        levels.clear();
    }
}
