package dev.modelrepo.query.internal;

import java.util.ArrayList;
import java.util.List;

/** Accumulates SQL text, dynamic IN parts and bind slots while a query is compiled. */
final class SqlWriter {

    final List<Object> parts = new ArrayList<>();

    final List<Slot> slots = new ArrayList<>();

    private StringBuilder text = new StringBuilder(128);

    SqlWriter append(String sql) {
        text.append(sql);
        return this;
    }

    SqlWriter append(char c) {
        text.append(c);
        return this;
    }

    /** Appends a {@code ?} bound by this slot. */
    void bind(Slot slot) {
        slots.add(slot);
        text.append('?');
    }

    /** Appends an IN whose SQL depends on the bound list size. */
    void dynamicIn(String left, boolean negated, Slot slot, dev.modelrepo.dialect.InListSupport lists) {
        slots.add(slot);
        flush();
        parts.add(new DynamicIn(left, negated, slots.size() - 1, slot.kind(), lists));
    }

    /** Appends everything another writer holds (text, dynamic INs and their slots), in order. */
    void appendAll(SqlWriter other) {
        int base = slots.size();
        for (Object part : other.finish()) {
            if (part instanceof DynamicIn in) {
                flush();
                parts.add(in.withSlot(base + in.slot()));
            }
            else {
                append((String) part);
            }
        }
        slots.addAll(other.slots);
    }

    private void flush() {
        if (text.length() > 0) {
            parts.add(text.toString());
            text = new StringBuilder(64);
        }
    }

    List<Object> finish() {
        flush();
        return parts;
    }
}
