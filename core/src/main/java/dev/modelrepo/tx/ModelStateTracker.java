package dev.modelrepo.tx;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.ModelAccess;

/**
 * Makes model state follow the database: the state of each model written in a transaction is recorded before
 * its first write after each savepoint, and restored (new-ness and id, values, dirty flags, version, frozen
 * flag) when the transaction or the savepoint rolls back, so a later save does the right thing. Registered as a
 * {@link TransactionSynchronization} of the current transaction (CLOS-DB's invalidation on rollback, explicitly).
 * Every write method calls it, bulk ones once for all their models.
 */
public final class ModelStateTracker implements TransactionSynchronization {

    private static final ModelAccess<Model> ACCESS = ModelAccess.get(Model.class);

    /** The resource key of the current transaction's tracker. */
    private static final Object KEY = new Object() {
        @Override
        public String toString() {
            return "modelrepo model state tracker";
        }
    };

    /** One level per savepoint taken while this tracker was registered; level 0 is the transaction itself. */
    private final List<Level> levels = new ArrayList<>();

    /** The models first written after one savepoint (level 0: the transaction's start), each with its state before. */
    private static final class Level {

        final Object savepoint;

        Map<Model, Object> before = new IdentityHashMap<>();

        Level(Object savepoint) {
            this.savepoint = savepoint;
        }

        /** The map, sized for {@code more} models at once while it is still empty (a bulk write of many models). */
        Map<Model, Object> room(int more) {
            if (more > 64 && before.isEmpty()) {
                before = new IdentityHashMap<>(more);
            }
            return before;
        }

        /** Forgets the models (and the room a bulk write took). */
        void clear() {
            before = new IdentityHashMap<>();
        }
    }

    private ModelStateTracker() {
        levels.add(new Level(KEY));
    }

    /**
     * Records the model's state before a write, when a transaction is active; outside one the write is final and
     * nothing is recorded. Only the first write after each savepoint takes a snapshot.
     */
    public static void beforeWrite(Model model) {
        ModelStateTracker tracker = current();
        if (tracker != null) {
            tracker.current(1).computeIfAbsent(model, ACCESS::snapshot);
        }
    }

    /**
     * {@link #beforeWrite(Model)} with the state the caller took earlier ({@code ModelAccess.snapshot}), before it
     * changed the model on its way to the write (binding a plain {@code new} model to its table, say).
     */
    public static void beforeWrite(Model model, Object state) {
        ModelStateTracker tracker = current();
        if (tracker != null) {
            tracker.current(1).putIfAbsent(model, state);
        }
    }

    /** {@link #beforeWrite(Model)} for each of many models, with one look-up of the transaction's tracker. */
    public static void beforeWrite(List<? extends Model> models) {
        ModelStateTracker tracker = models.isEmpty() ? null : current();
        if (tracker != null) {
            Map<Model, Object> before = tracker.current(models.size());
            for (Model model : models) {
                before.computeIfAbsent(model, ACCESS::snapshot);
            }
        }
    }

    /** {@link #beforeWrite(Model, Object)} for each of many models; {@code states} holds their states in the same order. */
    public static void beforeWrite(List<? extends Model> models, List<?> states) {
        if (models.size() != states.size()) {
            throw new IllegalArgumentException(models.size() + " models but " + states.size() + " states");
        }
        ModelStateTracker tracker = models.isEmpty() ? null : current();
        if (tracker != null) {
            Map<Model, Object> before = tracker.current(models.size());
            for (int i = 0; i < models.size(); i++) {
                before.putIfAbsent(models.get(i), states.get(i));
            }
        }
    }

    /**
     * The tracker of the current transaction, registered on first use; null without an actual transaction (with
     * synchronization only, as under {@code SUPPORTS} or {@code NOT_SUPPORTED}, every statement commits on its own).
     */
    private static @Nullable ModelStateTracker current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        ModelStateTracker tracker = (ModelStateTracker) TransactionSynchronizationManager.getResource(KEY);
        if (tracker == null) {
            tracker = new ModelStateTracker();
            TransactionSynchronizationManager.bindResource(KEY, tracker);
            TransactionSynchronizationManager.registerSynchronization(tracker);
        }
        return tracker;
    }

    private Map<Model, Object> current(int more) {
        return levels.get(levels.size() - 1).room(more);
    }

    @Override
    public void savepoint(Object savepoint) {
        levels.add(new Level(savepoint));
    }

    @Override
    public void savepointRollback(Object savepoint) {
        int index = -1;
        for (int i = levels.size() - 1; i > 0; i--) {
            if (levels.get(i).savepoint == savepoint) {
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
        levels.get(levels.size() - 1).clear();
        if (index > 0) {
            levels.get(index).clear();
        }
    }

    /** Restores the models of every level from {@code from} on, latest first, so each ends in its earliest state. */
    private void restoreFrom(int from) {
        for (int i = levels.size() - 1; i >= from; i--) {
            levels.get(i).before.forEach(ACCESS::restore);
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
