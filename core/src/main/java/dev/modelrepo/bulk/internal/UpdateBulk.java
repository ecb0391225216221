package dev.modelrepo.bulk.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.internal.write.ModelWriter;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.KeyColumns;
import dev.modelrepo.model.internal.MaintainedTimestamps;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ValueConverter;

/** {@code updateBulk}: the rows by key in chunks, with the version check and the written models updated. */
final class UpdateBulk {

    private final BulkEngine engine;

    UpdateBulk(BulkEngine engine) {
        this.engine = engine;
    }

    int run(Class<? extends Model> type, List<String> names, List<?> rows, BulkSettings options) {
        ModelInfo info = engine.writableInfo(type, "updateBulk");
        String label = "updateBulk of " + info.name();
        List<ColumnMetadata> key = BulkEngine.requireKey(info, "updateBulk");
        ColumnMetadata version = ModelWriter.version(info);
        ColumnMetadata createdAt = info.metadata().column(info.table().createdAt());
        ColumnMetadata touched = BulkEngine.timestamp(info, info.table().updatedAt());
        BulkColumns requested = BulkColumns.of(info, names, label);
        // the key and created_at are never updated, updated_at always is (to now), the version is incremented
        BulkColumns row = BulkColumns.of(info, KeyColumns.names(key), label);
        for (int i = 0; i < requested.list.size(); i++) {
            ColumnMetadata c = requested.list.get(i);
            if (!key.contains(c) && c != createdAt && c != touched && c != version) {
                row.add(c, requested.keys.get(i), RowSource.FROM_ELEMENT);
            }
        }
        List<ColumnMetadata> set = row.list.subList(key.size(), row.list.size()).stream().toList();
        if (version != null) {
            row.add(version, version.name(), RowSource.FROM_ELEMENT);
        }
        if (set.isEmpty() && touched == null && version == null) {
            throw new InvalidDataAccessApiUsageException(label + ": nothing to update in " + names + " (the key and "
                    + info.table().createdAt() + " are never updated)");
        }
        Object now = touched == null ? null : MaintainedTimestamps.value(touched, engine.clock.instant());
        RowSource source = row.source(label, type, rows, options.skipMismatches());
        String table = engine.writer.table(info);
        StatementExecutor.Op op = StatementExecutor.Op.of("update-bulk", info.metadata().name());
        WrittenModels written = new WrittenModels(rows, model -> {
            if (touched != null) {
                BulkEngine.ACCESS.write(model, touched.name(), now);
            }
            if (version != null && model.get(version.name()) instanceof Number v) {
                BulkEngine.ACCESS.write(model, version.name(), ValueConverter.convert(v.longValue() + 1, version.kind()));
            }
        });
        ChunkHook checks = new Checks(engine.versions, label, info, new BulkKeys(key), version, written);
        return engine.inTransaction(label, options, () -> {
            int n = engine.planner.writeAll(label, op, source, c -> engine.support.update(table, key, set, version, touched, c), row.list,
                    touched == null ? List.of() : List.of(touched), new Object[] { now }, options, checks);
            written.finish();
            return n;
        });
    }

    /** Before each chunk: no key twice in the operation, and the stored versions as the elements say; after it: every row updated. */
    private static final class Checks implements ChunkHook {

        private final VersionCheck versions;

        private final String label;

        private final ModelInfo info;

        private final BulkKeys key;

        private final @Nullable ColumnMetadata version;

        private final WrittenModels written;

        private final Map<Object, Integer> seen = new HashMap<>();

        Checks(VersionCheck versions, String label, ModelInfo info, BulkKeys key, @Nullable ColumnMetadata version,
                WrittenModels written) {
            this.versions = versions;
            this.label = label;
            this.info = info;
            this.key = key;
            this.version = version;
            this.written = written;
        }

        @Override
        public void before(Chunk chunk) {
            for (int r = 0; r < chunk.size(); r++) {
                String missing = key.size() > 1 ? key.missing(chunk, r) : null;
                if (missing != null) {
                    throw new InvalidDataAccessApiUsageException(label + ": element " + chunk.index(r) + " has no value for the key column "
                            + missing + " (the key is " + key.columns().stream().map(ColumnMetadata::name).toList() + ")");
                }
                Object k = key.of(chunk, r);
                Integer before = seen.put(k, chunk.index(r));
                if (before != null) {
                    throw new InvalidDataAccessApiUsageException(label + ": elements " + before + " and " + chunk.index(r)
                            + " have the same key " + key.describe(k));
                }
            }
            if (version != null) {
                List<Object> stale = versions.staleKeys(info, key, version, chunk, 0);
                if (!stale.isEmpty()) {
                    throw VersionCheck.stale(label, key, version, stale);
                }
            }
        }

        @Override
        public void after(Chunk chunk, int updated) {
            if (version != null && updated < chunk.size()) {
                // changed between the check and the update: the rows we did not update kept another version
                throw VersionCheck.stale(label, key, version, versions.staleKeys(info, key, version, chunk, 1));
            }
            written.written(chunk);
        }
    }
}
