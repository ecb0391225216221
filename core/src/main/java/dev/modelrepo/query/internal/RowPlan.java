package dev.modelrepo.query.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.RowLayout;
import dev.modelrepo.types.ColumnReader;
import dev.modelrepo.types.StandardReader;

/**
 * How the rows of one compiled query become models or maps: the readers of each result column in order,
 * the layout models share, and the belongs-to relations filled from joined columns. Built once per shape.
 *
 * @param model the root model, or null for queries whose rows are not models
 * @param layout value names in result order
 * @param readers one per result column
 * @param related relations filled from a range of joined result columns
 * @param readerCodes the readers' codes for {@link StandardReader#readRow}
 */
public record RowPlan(@Nullable ModelInfo model, RowLayout layout, ColumnReader[] readers, List<RelatedPlan> related,
        boolean groupsRows, int keyIndex, int[] keyIndexes, int[] readerCodes) {

    /**
     * A plan; {@code groupsRows} (a has-many relation is joined: rows merge per root key), {@code keyIndex} (the result
     * index of the root's single-column primary key, -1 when none) and {@code keyIndexes} (the result indexes of every
     * primary-key column, one or several; empty when the root has no key or a column is not selected) are derived once
     * here, not per execution, as are the {@code readerCodes} of {@link StandardReader#readRow}.
     */
    public static RowPlan of(@Nullable ModelInfo model, RowLayout layout, ColumnReader[] readers, List<RelatedPlan> related) {
        boolean groups = related.stream().anyMatch(RelatedPlan::many);
        int[] keys = model == null ? new int[0] : model.metadata().primaryKey().stream().mapToInt(c -> layout.indexOf(c.name())).toArray();
        if (java.util.Arrays.stream(keys).anyMatch(i -> i < 0)) {
            keys = new int[0];
        }
        return new RowPlan(model, layout, readers, related, groups, keys.length == 1 ? keys[0] : -1, keys, StandardReader.codes(readers));
    }

    /**
     * A joined relation read from result columns {@code [from, from + layout.size())}.
     *
     * @param nullCheck result index that is null exactly when a LEFT join found no row (the target's key)
     * @param many a has-many relation (direct or through a join model): rows of it are collected into {@code relatedList}
     * @param key the result indexes that identify one related row (its key columns, one or several)
     * @param one a has-one relation: a second row for one owner is an error
     */
    public record RelatedPlan(String relation, @Nullable String parentRelation, ModelInfo model, RowLayout layout,
            int from, int nullCheck, boolean many, int[] key, boolean one) {

        /** A relation identified by the one column {@code nullCheck}. */
        public RelatedPlan(String relation, @Nullable String parentRelation, ModelInfo model, RowLayout layout, int from, int nullCheck,
                boolean many) {
            this(relation, parentRelation, model, layout, from, nullCheck, many, new int[] { nullCheck }, false);
        }
    }
}
