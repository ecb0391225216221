package dev.modelrepo.repository.internal;

import java.util.List;

import org.springframework.dao.IncorrectResultSizeDataAccessException;

import dev.modelrepo.model.Model;

/** The error of a has-one relation that found two rows for one owner: it names the relation, the owner's key and both rows. */
final class HasOneRows {

    private HasOneRows() {
    }

    /**
     * "Customer.card is a has-one relation, but two LoyaltyCard rows hold the key of Customer Key[id=7] in [customer_id]:
     * Key[id=1] and Key[id=2]; …".
     *
     * @param foreignKey the target's columns that hold the owner's key, or empty when not known here
     */
    static IncorrectResultSizeDataAccessException twoRows(Model owner, String relation, List<String> foreignKey, Object first,
            Object second) {
        String target = second instanceof Model m ? m.getClass().getSimpleName() : "related";
        return new IncorrectResultSizeDataAccessException(owner.getClass().getSimpleName() + "." + relation
                + " is a has-one relation, but two " + target + " rows hold the key of " + owner.getClass().getSimpleName() + " "
                + keyOf(owner) + (foreignKey.isEmpty() ? "" : " in " + foreignKey) + ": " + keyOf(first) + " and " + keyOf(second)
                + "; a has-one needs at most one row per key (a unique foreign key), or declare the relation @HasMany", 1, 2);
    }

    private static Object keyOf(Object model) {
        if (model instanceof Model m) {
            try {
                return m.key();
            }
            catch (RuntimeException noKey) {
                return m.toMap();
            }
        }
        return model;
    }
}
