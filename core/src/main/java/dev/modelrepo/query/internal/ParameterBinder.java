package dev.modelrepo.query.internal;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.query.error.MissingParameterException;
import dev.modelrepo.query.error.ParameterTypeException;
import dev.modelrepo.query.internal.Ast.LikeMode;
import dev.modelrepo.types.ValueTypeException;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.dialect.LikeEscaper;

/**
 * Resolves a compiled query's slots against the literal values and the params map: looks up each parameter
 * (a missing one is an error naming it), binds a model as its key, converts each value to its column's kind,
 * escapes LIKE values, and sends each IN list in the form its size takes (padded values, arrays, or one encoded value).
 */
public final class ParameterBinder {

    private ParameterBinder() {
    }

    public static BoundStatement bind(CompiledQuery query, @Nullable Object[] literals, Map<String, ?> params) {
        Slot[] slots = query.slots();
        Object[] values = new Object[slots.length];
        int[] variants = null;
        for (int s = 0; s < slots.length; s++) {
            Slot slot = slots[s];
            Object value = valueOf(slot, literals, params, query);
            if (!slot.list()) {
                values[s] = convert(slot, value, query.likeEscaper());
                continue;
            }
            Object[] items = convertList(slot, value, query.likeEscaper());
            values[s] = items;
            int variant = query.variant(s, items.length);
            if (variant != query.baseVariant(s)) {
                if (variants == null) {
                    variants = query.baseVariants();
                }
                variants[s] = variant;
            }
        }
        if (variants == null) {
            // every list in the variant of one value (one array, or one padded value): one placeholder per slot
            for (int s = 0; s < slots.length; s++) {
                if (slots[s].list()) {
                    values[s] = query.values(s, (Object[]) values[s], query.baseVariant(s))[0];
                }
            }
            return new BoundStatement(query.baseSql(), query.binders(), values, query.parameters());
        }
        return expanded(query, slots, values, variants);
    }

    /** The statement of a query some of whose lists are sent in another variant: one placeholder per sent value. */
    private static BoundStatement expanded(CompiledQuery query, Slot[] slots, Object[] values, int[] variants) {
        int total = 0;
        for (int s = 0; s < slots.length; s++) {
            if (slots[s].list()) {
                values[s] = query.values(s, (Object[]) values[s], variants[s]);
                total += ((Object[]) values[s]).length;
            }
            else {
                total++;
            }
        }
        var binders = new dev.modelrepo.types.ValueBinder[total];
        Object[] placeholders = new Object[total];
        String[] parameters = new String[total];
        int p = 0;
        for (int s = 0; s < slots.length; s++) {
            if (slots[s].list()) {
                var binder = query.binder(s, variants[s]);
                for (Object item : (Object[]) values[s]) {
                    binders[p] = binder;
                    parameters[p] = slots[s].parameter();
                    placeholders[p++] = item;
                }
            }
            else {
                binders[p] = slots[s].binder();
                parameters[p] = slots[s].parameter();
                placeholders[p++] = values[s];
            }
        }
        return new BoundStatement(query.sql(variants), binders, placeholders, parameters);
    }

    private static @Nullable Object valueOf(Slot slot, @Nullable Object[] literals, Map<String, ?> params, CompiledQuery query) {
        if (slot.parameter() == null) {
            return literals[slot.literal()];
        }
        Object value = params.get(slot.parameter());
        if (value == null && !params.containsKey(slot.parameter())) {
            throw new MissingParameterException(slot.parameter(), "a query of " + query.modelName(), params.keySet());
        }
        return value;
    }

    private static @Nullable Object convert(Slot slot, @Nullable Object given, LikeEscaper escaper) {
        Object value = ModelValues.bindable(given, slot::describe);
        if (slot.like() != LikeMode.PATTERN && value != null) {
            if (!(value instanceof CharSequence text)) {
                throw new ParameterTypeException(slot.describe() + " must be text for " + slot.like() + ", got "
                        + value.getClass().getName());
            }
            String escaped = escaper.escape(text.toString());
            return switch (slot.like()) {
                case CONTAINS -> "%" + escaped + "%";
                case STARTS_WITH -> escaped + "%";
                case ENDS_WITH -> "%" + escaped;
                case PATTERN -> text.toString();
            };
        }
        if (slot.converter() != null && value != null && slot.converter().isDomainValue(value) && !slot.kind().javaType().isInstance(value)) {
            value = slot.converter().deflate(value);
        }
        try {
            return slot.coercion().convert(value, slot.kind());
        }
        catch (ValueTypeException ex) {
            throw new ParameterTypeException(ex.describe(slot.describe()).getMessage(), ex);
        }
    }

    private static Object[] convertList(Slot slot, @Nullable Object value, LikeEscaper escaper) {
        Object[] items;
        if (value instanceof Collection<?> c) {
            items = c.toArray();
        }
        else if (value instanceof Object[] a) {
            items = a.clone();
        }
        else if (value != null && value.getClass().isArray()) {
            items = new Object[Array.getLength(value)];
            for (int i = 0; i < items.length; i++) {
                items[i] = Array.get(value, i);
            }
        }
        else {
            throw new ParameterTypeException(slot.describe() + " is used with in/notIn and must be a collection, got "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        for (int i = 0; i < items.length; i++) {
            items[i] = convert(slot, items[i], escaper);
        }
        return items;
    }
}
