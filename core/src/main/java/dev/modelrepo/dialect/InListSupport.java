package dev.modelrepo.dialect;

import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueBinder;

/**
 * How a collection bound to {@code in}/{@code notIn} is written for its size: the dialect's form for small lists
 * and, past the engine's limits, a form that takes any number of values. Sizes fall into few variants, each with
 * its own SQL, so a query keeps few SQL strings whatever list sizes it runs with.
 */
public abstract class InListSupport {

    /** One array per list, any size: {@code x = ANY(?)}. */
    static final InListSupport UNLIMITED_ARRAYS = new ArrayInList(Integer.MAX_VALUE);

    /** One padded {@code IN (?, …)} per list, any size. */
    static final InListSupport UNLIMITED_PADDED = new PaddedInList(Integer.MAX_VALUE);

    /** The variant a list of {@code size} values is sent in; lists of one variant share their SQL. */
    public abstract int variant(int size);

    /** The SQL of {@code left [NOT] IN} a list of this variant, with a {@code ?} for each of its {@link #values}. */
    public abstract String sql(String left, boolean negated, ColumnKind kind, int variant);

    /** The values of the placeholders of a variant's SQL, from the list's converted items. */
    public abstract Object[] values(Object[] items, ColumnKind kind, int variant);

    /**
     * The binder of the placeholders of a variant, given the binder of the list's slot (the elements' binder, or
     * the array binder for {@link InListStrategy#ARRAY}).
     */
    public ValueBinder binder(ValueBinder slotBinder, int variant) {
        return slotBinder;
    }

    /**
     * How many keys a caller that can split its keys over several statements (an include's children by parent key)
     * should send per statement: every key by default; fewer where one long list costs more than its length.
     */
    public int keysPerStatement() {
        return Integer.MAX_VALUE;
    }

    /** Every list sent whole in the strategy's small form, which must hold lists of any size. */
    static InListSupport unlimited(InListStrategy strategy) {
        return strategy == InListStrategy.ARRAY ? UNLIMITED_ARRAYS : UNLIMITED_PADDED;
    }
}
