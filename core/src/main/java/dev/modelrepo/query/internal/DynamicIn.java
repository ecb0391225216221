package dev.modelrepo.query.internal;

import dev.modelrepo.dialect.InListSupport;
import dev.modelrepo.types.ColumnKind;

/**
 * An IN condition over a bound list, whose SQL depends on the list's size: rendered at execution by the dialect's
 * {@link InListSupport} for the variant of that size.
 *
 * @param left the rendered left side, free of binds
 * @param slot the index of the list's slot
 * @param kind the kind of the list's values
 */
record DynamicIn(String left, boolean negated, int slot, ColumnKind kind, InListSupport lists) {

    String render(int variant) {
        return lists.sql(left, negated, kind, variant);
    }

    DynamicIn withSlot(int index) {
        return new DynamicIn(left, negated, index, kind, lists);
    }
}
