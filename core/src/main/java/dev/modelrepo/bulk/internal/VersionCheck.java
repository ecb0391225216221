package dev.modelrepo.bulk.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;

import dev.modelrepo.dialect.BulkSupport;
import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.internal.write.ModelWriter;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ValueBinder;

/** The optimistic version check of the bulk updates: which keys of a chunk hold another version than expected, and the failure naming them. */
final class VersionCheck {

    private final Dialect dialect;

    private final BulkSupport support;

    private final StatementExecutor executor;

    private final ModelWriter writer;

    VersionCheck(Dialect dialect, BulkSupport support, StatementExecutor executor, ModelWriter writer) {
        this.dialect = dialect;
        this.support = support;
        this.executor = executor;
        this.writer = writer;
    }

    /**
     * The keys of the chunk's rows whose stored version is not the element's version plus {@code increment} (0 before
     * the update: changed meanwhile; 1 after it: not updated), or that no longer exist. The chunk's key columns come
     * first, its version last.
     */
    List<Object> staleKeys(ModelInfo info, BulkKeys key, ColumnMetadata version, Chunk chunk, int increment) {
        Map<Object, Object> expected = new LinkedHashMap<>();
        int versionAt = chunk.width() - 1;
        for (int r = 0; r < chunk.size(); r++) {
            Object v = chunk.value(r, versionAt);
            expected.put(key.of(chunk, r), v instanceof Number n ? n.longValue() + increment : null);
        }
        List<ColumnMetadata> keyColumns = key.columns();
        List<ColumnMetadata> read = new ArrayList<>(keyColumns);
        read.add(version);
        Map<Object, Long> stored = new HashMap<>();
        List<Object> keys = new ArrayList<>(expected.keySet());
        int step = Math.max(1, Math.min(1000, support.maxBindParameters() / keyColumns.size()));
        for (int from = 0; from < keys.size(); from += step) {
            List<Object> part = keys.subList(from, Math.min(keys.size(), from + step));
            String sql = writer.sql().selectByKeys(writer.table(info), read, keyColumns, part.size());
            ValueBinder[] binders = new ValueBinder[part.size() * keyColumns.size()];
            Object[] values = new Object[binders.length];
            for (int k = 0; k < part.size(); k++) {
                for (int c = 0; c < keyColumns.size(); c++) {
                    binders[k * keyColumns.size() + c] = keyColumns.get(c).binder();
                    values[k * keyColumns.size() + c] = key.value(part.get(k), c);
                }
            }
            executor.query(new BoundStatement(sql, binders, values), StatementExecutor.Op.of("select", info.metadata().name()), rs -> {
                while (rs.next()) {
                    stored.put(key.read(rs, 1), rs.getLong(keyColumns.size() + 1));
                }
                return null;
            });
        }
        List<Object> stale = new ArrayList<>();
        expected.forEach((k, v) -> {
            if (v == null || !v.equals(stored.get(k))) {
                stale.add(k);
            }
        });
        return stale;
    }

    static OptimisticLockingFailureException stale(String label, BulkKeys key, ColumnMetadata version, List<Object> keys) {
        return new OptimisticLockingFailureException(label + ": " + (keys.isEmpty() ? "some" : keys.size()) + " row(s) were changed or"
                + " deleted by another transaction (" + version.name() + " is stale)" + (keys.isEmpty() ? "" : ", " + key.label() + " "
                + BulkEngine.abbreviate(keys)) + "; nothing was overwritten and the transaction is rolled back: reload them (repo.reload(model)) and try again");
    }
}
