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
public record RowPlan(@Nullable ModelInfo model, RowLayout layout, ColumnReader[] readers, List<RelatedPlan> related) {

    /** Whether rows must be merged per root key (a has-many relation is joined). */
    public boolean groupsRows() {
        return related.stream().anyMatch(RelatedPlan::many);
    }

    /** The result index of the root's primary key, for merging rows; -1 when there is none. */
    public int keyIndex() {
        if (model == null || model.metadata().primaryKey().size() != 1) {
            return -1;
        }
        return layout.indexOf(model.metadata().primaryKey().get(0).name());
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
