package dev.modelrepo.query.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.dialect.LikeEscaper;

/**
 * The cached render of a query shape: the SQL parts (text, and IN lists whose SQL depends on their size), the bind
 * slots in order, and the row plan. Immutable and shared by every execution of equal shapes.
 */
public final class CompiledQuery {

    /** Longest SQL of a list-size variant that is kept: longer ones cost more memory than their render. */
    private static final int CACHED_SQL_LENGTH = 1 << 16;

    private static final int CACHED_VARIANTS = 256;

    private final Object[] parts;

    private final Slot[] slots;

    /** The IN list of each slot, or null for a slot that is not one. */
    private final @Nullable DynamicIn[] lists;

    /** The variant of each slot in the base SQL: that of a one-value list (one placeholder per slot). */
    private final int[] baseVariants;

    private final String baseSql;

    private final @Nullable RowPlan plan;

    private final String modelName;

    private final String tableName;

    private final ConcurrentHashMap<VariantsKey, String> expansions = new ConcurrentHashMap<>();

    /** The slots' binders in slot order, for the base SQL (shared, never written). */
    private final ValueBinder[] binders;

    /** The slots' parameter names in slot order (null for literals), for {@link #baseSql()} (shared, never written). */
    private final @Nullable String[] parameters;

    /** How the dialect escapes the values of contains/startsWith/endsWith. */
    private final LikeEscaper likeEscaper;

    CompiledQuery(List<Object> parts, List<Slot> slots, @Nullable RowPlan plan, String modelName, String tableName,
            LikeEscaper likeEscaper) {
        this.likeEscaper = likeEscaper;
        this.tableName = tableName;
        this.parts = parts.toArray();
        this.slots = slots.toArray(Slot[]::new);
        this.plan = plan;
        this.modelName = modelName;
        this.lists = new DynamicIn[this.slots.length];
        this.baseVariants = new int[this.slots.length];
        for (Object part : parts) {
            if (part instanceof DynamicIn in) {
                lists[in.slot()] = in;
                baseVariants[in.slot()] = in.lists().variant(1);
            }
        }
        this.baseSql = render(baseVariants);
        this.binders = slots.stream().map(Slot::binder).toArray(ValueBinder[]::new);
        this.parameters = slots.stream().map(Slot::parameter).toArray(String[]::new);
    }

    /** The parameter names of the slots, in order (null for a literal), for {@link #baseSql()}. Do not modify. */
    public @Nullable String[] parameters() {
        return parameters;
    }

    /** The binders of the slots, in order, for {@link #baseSql()}. Do not modify. */
    public ValueBinder[] binders() {
        return binders;
    }

    /** The SQL when every IN list has the variant of a one-value list: then each slot has one placeholder. */
    public String baseSql() {
        return baseSql;
    }

    /** The variant of slot {@code slot}'s SQL for a list of {@code size} values. */
    public int variant(int slot, int size) {
        return lists[slot].lists().variant(size);
    }

    /** The variant of a list slot in the base SQL. */
    public int baseVariant(int slot) {
        return baseVariants[slot];
    }

    /** A copy of the base variants, for filling in the variants of one execution. */
    public int[] baseVariants() {
        return baseVariants.clone();
    }

    /** The values of a list slot's placeholders in a variant, from its converted items. */
    public Object[] values(int slot, Object[] items, int variant) {
        DynamicIn in = lists[slot];
        return in.lists().values(items, in.kind(), variant);
    }

    /** The binder of a list slot's placeholders in a variant. */
    public ValueBinder binder(int slot, int variant) {
        return lists[slot].lists().binder(slots[slot].binder(), variant);
    }

    /** The SQL for these variants (indexed by slot; only list slots are read). */
    public String sql(int[] variants) {
        VariantsKey key = new VariantsKey(variants);
        String expanded = expansions.get(key);
        if (expanded == null) {
            expanded = render(variants);
            // bounded: variants are few per list (a few per power of two of its size)
            if (expanded.length() <= CACHED_SQL_LENGTH && expansions.size() < CACHED_VARIANTS) {
                expansions.put(key, expanded);
            }
        }
        return expanded;
    }

    private String render(int[] variants) {
        StringBuilder sb = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof DynamicIn in) {
                sb.append(in.render(variants[in.slot()]));
            }
            else {
                sb.append((String) part);
            }
        }
        return sb.toString();
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

    private record VariantsKey(int[] variants) {
        @Override
        public boolean equals(Object o) {
            return o instanceof VariantsKey k && Arrays.equals(variants, k.variants);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(variants);
        }
    }

    /** How the dialect escapes LIKE values bound to this query. */
    LikeEscaper likeEscaper() {
        return likeEscaper;
    }
}
