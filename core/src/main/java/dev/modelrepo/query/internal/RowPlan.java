package dev.modelrepo.query.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.RowLayout;
import dev.modelrepo.types.ColumnReader;

/**
 * How the rows of one compiled query become models or maps: the readers of each result column in order,
 * the layout models share, and the belongs-to relations filled from joined columns. Built once per shape.
 *
 * @param model the root model, or null for queries whose rows are not models
 * @param layout value names in result order
 * @param readers one per result column
 * @param related relations filled from a range of joined result columns
 */
public record RowPlan(@Nullable ModelInfo model, RowLayout layout, ColumnReader[] readers, List<RelatedPlan> related,
        boolean groupsRows, int keyIndex) {

    /**
     * A plan; {@code groupsRows} (a has-many relation is joined: rows merge per root key) and {@code keyIndex}
     * (the result index of the root's primary key, -1 when none) are derived once here, not per execution.
     */
    public static RowPlan of(@Nullable ModelInfo model, RowLayout layout, ColumnReader[] readers, List<RelatedPlan> related) {
        boolean groups = related.stream().anyMatch(RelatedPlan::many);
        int key = model == null || model.metadata().primaryKey().size() != 1 ? -1
                : layout.indexOf(model.metadata().primaryKey().get(0).name());
        return new RowPlan(model, layout, readers, related, groups, key);
    }

    /**
     * A joined relation read from result columns {@code [from, from + layout.size())}.
     *
     * @param nullCheck result index that is null exactly when a LEFT join found no row (the target's key)
     * @param many a has-many relation: rows of it are collected into {@code relatedList}
     */
    public record RelatedPlan(String relation, @Nullable String parentRelation, ModelInfo model, RowLayout layout,
            int from, int nullCheck, boolean many) {
    }
}
