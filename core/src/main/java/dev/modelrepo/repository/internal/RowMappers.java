package dev.modelrepo.repository.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.RowLayout;
import dev.modelrepo.query.internal.RowPlan;
import dev.modelrepo.query.internal.RowPlan.RelatedPlan;
import dev.modelrepo.types.ColumnReader;
import dev.modelrepo.types.StandardReader;

/**
 * Maps result rows through a {@link RowPlan}: readers by index, models sharing one layout, no reflection per
 * row. Joined belongs-to relations fill {@code related(...)}; when a has-many relation is joined, rows are
 * merged per root key and each child is added once to {@code relatedList(...)}.
 */
final class RowMappers {

    private static final ModelAccess<Model> ACCESS = ModelAccess.get(Model.class);

    private static final int[] NO_KEY = new int[0];

    private RowMappers() {
    }

    /** The handler of a result set that {@link #models(ResultSet, RowPlan, int, int)} reads: one object, no lambdas per call. */
    record Models<M extends Model>(RowPlan plan, int max, int expected) implements dev.modelrepo.internal.jdbc.ResultHandler<List<M>> {
        @Override
        public List<M> handle(ResultSet rs) throws SQLException {
            return models(rs, plan, max, expected);
        }
    }

    /** Reads up to {@code max} models (root models, when rows are merged). */
    public static <M extends Model> List<M> models(ResultSet rs, RowPlan plan, int max) throws SQLException {
        return models(rs, plan, max, 10);
    }

    /** {@link #models(ResultSet, RowPlan, int)} with the expected row count (the query's limit, say) to size the list. */
    @SuppressWarnings("unchecked")
    public static <M extends Model> List<M> models(ResultSet rs, RowPlan plan, int max, int expected) throws SQLException {
        int[] key = plan.groupsRows() ? plan.keyIndexes() : NO_KEY;
        Map<Object, M> byKey = key.length > 0 ? new LinkedHashMap<>() : null;
        // a has-one join without a has-many one: rows are not merged, but a second row of one root is checked
        Map<Object, M> hasOneRoots = byKey == null && hasOne(plan.related()) && plan.keyIndexes().length > 0 ? new HashMap<>() : null;
        // per owner (the root, or a model joined below it) and has-many relation: the children by key
        Map<Model, Map<String, Map<Object, Model>>> children = key.length > 0 ? new IdentityHashMap<>() : null;
        List<RelatedPlan> related = plan.related();
        boolean nested = nested(related);
        List<M> out = new ArrayList<>(Math.max(1, Math.min(expected, Math.min(max, 1_000))));
        while (rs.next()) {
            Object[] values = read(rs, plan);
            Object rootKey = byKey == null ? null : keyOf(values, key);
            M model = byKey == null ? null : byKey.get(rootKey);
            boolean first = model == null;
            if (first) {
                if (out.size() >= max) {
                    break;
                }
                model = (M) ACCESS.newInstance(plan.model());
                ACCESS.load(model, plan.layout(), values);
                out.add(model);
                if (byKey != null) {
                    byKey.put(rootKey, model);
                }
            }
            if (!related.isEmpty()) {
                fillRelated(model, values, related, first, children, nested);
            }
            if (hasOneRoots != null) {
                M earlier = hasOneRoots.putIfAbsent(keyOf(values, plan.keyIndexes()), model);
                if (earlier != null) {
                    checkHasOne(earlier, values, related);
                }
            }
        }
        return out;
    }

    private static boolean hasOne(List<RelatedPlan> related) {
        for (int i = 0, n = related.size(); i < n; i++) {
            if (related.get(i).one()) {
                return true;
            }
        }
        return false;
    }

    /** Another row of a root whose has-one relations were filled from an earlier row: the same related rows, or an error. */
    private static void checkHasOne(Model root, Object[] values, List<RelatedPlan> plans) {
        for (RelatedPlan plan : plans) {
            if (plan.one() && plan.parentRelation() == null) {
                checkHasOne(root, plan, values);
            }
        }
    }

    private static void checkHasOne(Model owner, RelatedPlan plan, Object[] values) {
        Model earlier = owner.related(plan.relation());
        Object rowKey = values[plan.nullCheck()] == null ? null : keyOf(values, plan.key());
        Object earlierKey = null;
        if (earlier != null) {
            Object[] own = new Object[plan.key().length];
            for (int i = 0; i < own.length; i++) {
                own[i] = earlier.get(plan.layout().name(plan.key()[i] - plan.from()));
            }
            earlierKey = own.length == 1 ? own[0] : java.util.Arrays.asList(own);
        }
        if (!java.util.Objects.equals(rowKey, earlierKey)) {
            throw HasOneRows.twoRows(owner, plan.relation(), List.of(), earlier == null ? "none" : earlier,
                    rowKey == null ? "none" : instance(plan, values));
        }
    }

    /** The value at the one key index, or the values at several as a list (a composite key). */
    private static @Nullable Object keyOf(Object[] values, int[] key) {
        if (key.length == 1) {
            return values[key[0]];
        }
        Object[] parts = new Object[key.length];
        for (int i = 0; i < key.length; i++) {
            parts[i] = values[key[i]];
        }
        return java.util.Arrays.asList(parts);
    }

    /** Whether a relation is joined through another, so that a row's models must be found by relation. */
    private static boolean nested(List<RelatedPlan> related) {
        boolean nested = false;
        for (int i = 0, n = related.size(); i < n; i++) {
            nested |= related.get(i).parentRelation() != null;
        }
        return nested;
    }

    /**
     * The reader of a cursor's rows: one model per row, with the belongs-to and has-one relations of its joins filled (a
     * plan that merges rows over a has-many join cannot stream, see {@link RowPlan#groupsRows()}). A row of the same
     * root as the row before it is checked against that row's has-one relations.
     */
    @SuppressWarnings("unchecked")
    static <M extends Model> RowReader<M> reader(RowPlan plan) {
        List<RelatedPlan> related = plan.related();
        if (related.isEmpty()) {
            return plainReader(plan);
        }
        boolean nested = nested(related);
        boolean checkOne = hasOne(related) && plan.keyIndexes().length > 0;
        Object[] previous = new Object[2];   // the key and model of the row before, when a has-one is joined
        return rs -> {
            Object[] values = read(rs, plan);
            M model = (M) ACCESS.newInstance(plan.model());
            ACCESS.load(model, plan.layout(), values);
            if (!related.isEmpty()) {
                fillRelated(model, values, related, true, null, nested);
            }
            if (checkOne) {
                Object key = keyOf(values, plan.keyIndexes());
                if (previous[1] != null && key != null && key.equals(previous[0])) {
                    checkHasOne((Model) previous[1], values, related);
                }
                previous[0] = key;
                previous[1] = model;
            }
            return model;
        };
    }

    /** The reader of rows without joins, a cursor's usual case: per row only the column reads, the values array and the model. */
    @SuppressWarnings("unchecked")
    private static <M extends Model> RowReader<M> plainReader(RowPlan plan) {
        ModelInfo info = plan.model();
        RowLayout layout = plan.layout();
        return rs -> {
            M model = (M) ACCESS.newInstance(info);
            ACCESS.load(model, layout, read(rs, plan));
            return model;
        };
    }

    private static Object[] read(ResultSet rs, RowPlan plan) throws SQLException {
        Object[] values = new Object[plan.readers().length];
        StandardReader.readRow(rs, plan.readers(), plan.readerCodes(), values);
        return values;
    }

    /**
     * Fills one row's relations into {@code root} and the models joined below it. A belongs-to or has-one relation is set
     * from the first row of its owner (a has-one checked against the later ones); a has-many child is appended to its
     * owner when its key was not seen yet for that owner, and the models of relations joined through it are found again by
     * that key on later rows.
     */
    private static void fillRelated(Model root, Object[] values, List<RelatedPlan> plans, boolean firstRow,
            @Nullable Map<Model, Map<String, Map<Object, Model>>> children, boolean nested) {
        // the models of this row by relation, for relations joined through another (nested): none per row otherwise
        Map<String, Model> byRelation = nested ? new HashMap<>() : null;
        for (int p = 0, n = plans.size(); p < n; p++) {
            RelatedPlan related = plans.get(p);
            Model owner = related.parentRelation() == null ? root : byRelation.get(related.parentRelation());
            if (owner == null) {
                continue;   // the relation it is joined through found no row
            }
            boolean loaded = !(firstRow && owner == root) && owner.isLoaded(related.relation());
            Object relatedKey = values[related.nullCheck()];
            if (related.many()) {
                if (!loaded) {
                    ACCESS.setRelated(owner, related.relation(), new ArrayList<Model>());
                }
                if (relatedKey == null || children == null) {
                    continue;
                }
                Map<Object, Model> byKey = children.computeIfAbsent(owner, k -> new HashMap<>())
                        .computeIfAbsent(related.relation(), k -> new HashMap<>());
                Object key = keyOf(values, related.key());
                Model child = byKey.get(key);
                if (child == null) {
                    child = instance(related, values);
                    byKey.put(key, child);
                    owner.<Model>relatedList(related.relation()).add(child);
                }
                if (byRelation != null) {
                    byRelation.put(related.relation(), child);
                }
            }
            else if (!loaded) {
                Model target = relatedKey == null ? null : instance(related, values);
                ACCESS.setRelated(owner, related.relation(), target);
                if (target != null && byRelation != null) {
                    byRelation.put(related.relation(), target);
                }
            }
            else {
                if (related.one()) {
                    checkHasOne(owner, related, values);
                }
                Model target = byRelation == null ? null : owner.related(related.relation());
                if (target != null) {
                    byRelation.put(related.relation(), target);
                }
            }
        }
    }

    private static Model instance(RelatedPlan related, Object[] values) {
        Object[] own = new Object[related.layout().size()];
        System.arraycopy(values, related.from(), own, 0, own.length);
        Model model = ACCESS.newInstance(related.model());
        ACCESS.load(model, related.layout(), own);
        return model;
    }

    /** Reads every row into an ordered map named by the plan's layout. */
    public static List<Map<String, @Nullable Object>> rows(ResultSet rs, RowPlan plan) throws SQLException {
        ColumnReader[] readers = plan.readers();
        List<Map<String, @Nullable Object>> out = new ArrayList<>();
        while (rs.next()) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>(readers.length * 2);
            for (int i = 0; i < readers.length; i++) {
                row.put(plan.layout().name(i), StandardReader.read(readers[i], rs, i + 1));
            }
            out.add(row);
        }
        return out;
    }
}
