package dev.modelrepo.query.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The cached render of a query shape: the SQL (or, with padded IN lists, its parts), the bind slots in
 * order, and the row plan. Immutable and shared by every execution of equal shapes.
 */
public final class CompiledQuery {

    private final @Nullable String sql;

    private final Object[] parts;

    private final Slot[] slots;

    private final @Nullable RowPlan plan;

    private final String modelName;

    private final String tableName;

    private final ConcurrentHashMap<SizesKey, String> expansions;

    /** The slots' binders in slot order: the placeholders' binders when no list expands (shared, never written). */
    private final dev.modelrepo.types.ValueBinder[] binders;

    CompiledQuery(List<Object> parts, List<Slot> slots, @Nullable RowPlan plan, String modelName, String tableName) {
        this.tableName = tableName;
        this.parts = parts.toArray();
        this.slots = slots.toArray(Slot[]::new);
        this.plan = plan;
        this.modelName = modelName;
        boolean dynamic = parts.stream().anyMatch(DynamicIn.class::isInstance);
        this.sql = dynamic ? null : String.join("", parts.stream().map(String.class::cast).toList());
        this.expansions = dynamic ? new ConcurrentHashMap<>() : null;
        this.binders = slots.stream().map(Slot::binder).toArray(dev.modelrepo.types.ValueBinder[]::new);
    }

    /** The binders of the slots, in order; with {@link #fixedSql()}, those of the placeholders. Do not modify. */
    public dev.modelrepo.types.ValueBinder[] binders() {
        return binders;
    }

    /** The SQL when it does not depend on list sizes, else null. */
    public @Nullable String fixedSql() {
        return sql;
    }

    /** The SQL for these list sizes (indexed by slot; only list slots of the padded strategy are read). */
    public String sql(int[] listSizes) {
        if (sql != null) {
            return sql;
        }
        SizesKey key = new SizesKey(listSizes);
        String expanded = expansions.get(key);
        if (expanded == null) {
            StringBuilder sb = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof DynamicIn in) {
                    sb.append(in.render(DynamicIn.padded(listSizes[in.slot()])));
                }
                else {
                    sb.append((String) part);
                }
            }
            expanded = sb.toString();
            // Bounded: sizes are powers of two, so the number of variants stays small.
            if (expansions.size() < 256) {
                expansions.put(key, expanded);
            }
        }
        return expanded;
    }

    /** Whether a list slot's values are expanded to {@code ?, ?, …} (padded strategy). */
    public boolean expands(int slot) {
        for (Object part : parts) {
            if (part instanceof DynamicIn in && in.slot() == slot) {
                return true;
            }
        }
        return false;
    }

    /** The padded size of a list of n values. */
    public static int padded(int n) {
        return DynamicIn.padded(n);
    }

    public Slot[] slots() {
        return slots;
    }

    public @Nullable RowPlan plan() {
        return plan;
    }

    /** The root table's name in lower case, for metrics. */
    public String tableName() {
        return tableName;
    }

    /** The root model's name, for messages. */
    public String modelName() {
        return modelName;
    }

    private record SizesKey(int[] sizes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SizesKey k && Arrays.equals(sizes, k.sizes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sizes);
        }
    }
}
