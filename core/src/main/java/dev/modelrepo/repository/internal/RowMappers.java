package dev.modelrepo.repository.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.query.internal.RowPlan;
import dev.modelrepo.types.ColumnReader;

/** Maps result rows through a {@link RowPlan}: readers by index, models sharing one layout, no reflection per row. */
public final class RowMappers {

    private static final ModelAccess ACCESS = ModelAccess.get();

    private RowMappers() {
    }

    /** Reads every row into a model of the plan's model class, filling joined belongs-to relations. */
    @SuppressWarnings("unchecked")
    public static <M extends Model> List<M> models(ResultSet rs, RowPlan plan, int max) throws SQLException {
        ColumnReader[] readers = plan.readers();
        int n = readers.length;
        var info = plan.model();
        List<M> out = new ArrayList<>();
        while (out.size() < max && rs.next()) {
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                values[i] = readers[i].read(rs, i + 1);
            }
            M model = (M) info.newInstance();
            ACCESS.load(model, plan.layout(), values);
            if (!plan.related().isEmpty()) {
                fillRelated(model, values, plan);
            }
            out.add(model);
        }
        return out;
    }

    private static void fillRelated(Model root, Object[] values, RowPlan plan) {
        Map<String, Model> byRelation = new HashMap<>();
        for (RowPlan.RelatedPlan related : plan.related()) {
            Model owner = related.parentRelation() == null ? root : byRelation.get(related.parentRelation());
            if (values[related.nullCheck()] == null) {
                if (owner != null) {
                    ACCESS.setRelated(owner, related.relation(), null);
                }
                continue;
            }
            Object[] own = new Object[related.layout().size()];
            System.arraycopy(values, related.from(), own, 0, own.length);
            Model model = related.model().newInstance();
            ACCESS.load(model, related.layout(), own);
            byRelation.put(related.relation(), model);
            if (owner != null) {
                ACCESS.setRelated(owner, related.relation(), model);
            }
        }
    }

    /** Reads every row into an ordered map named by the plan's layout. */
    public static List<Map<String, @Nullable Object>> rows(ResultSet rs, RowPlan plan) throws SQLException {
        ColumnReader[] readers = plan.readers();
        List<Map<String, @Nullable Object>> out = new ArrayList<>();
        while (rs.next()) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>(readers.length * 2);
            for (int i = 0; i < readers.length; i++) {
                row.put(plan.layout().name(i), readers[i].read(rs, i + 1));
            }
            out.add(row);
        }
        return out;
    }
}
