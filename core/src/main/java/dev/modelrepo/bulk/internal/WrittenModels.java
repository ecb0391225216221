package dev.modelrepo.bulk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.model.Model;
import dev.modelrepo.tx.ModelStateTracker;

/**
 * What a fast-path bulk write does to the models among its elements whose rows it wrote (the new updated_at and
 * version, the frozen flag). Inside a transaction they change once every chunk is written, after their state is
 * recorded with the transaction's {@link ModelStateTracker}, so they follow a rollback; without one each chunk's models
 * change as soon as its statement has committed, which is final.
 */
final class WrittenModels {

    private final List<?> elements;

    private final Consumer<Model> change;

    /** The caller's indexes of the elements of each chunk written so far in a transaction. */
    private final List<int[]> pending = new ArrayList<>();

    private int pendingCount;

    WrittenModels(List<?> elements, Consumer<Model> change) {
        this.elements = elements;
        this.change = change;
    }

    /** The chunk's rows are written (called inside the operation's transaction scope). */
    void written(Chunk chunk) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            for (int r = 0; r < chunk.size(); r++) {
                if (elements.get(chunk.index(r)) instanceof Model model) {
                    change.accept(model);
                }
            }
            return;
        }
        int[] indexes = new int[chunk.size()];
        for (int r = 0; r < chunk.size(); r++) {
            indexes[r] = chunk.index(r);
        }
        pending.add(indexes);
        pendingCount += indexes.length;
    }

    /** Every chunk is written: records the models' state with the transaction, then changes them. */
    void finish() {
        if (pending.isEmpty()) {
            return;
        }
        List<Model> models = new ArrayList<>(pendingCount);
        for (int[] indexes : pending) {
            for (int index : indexes) {
                if (elements.get(index) instanceof Model model) {
                    models.add(model);
                }
            }
        }
        pending.clear();
        ModelStateTracker.beforeWrite(models);
        models.forEach(change);
    }
}
