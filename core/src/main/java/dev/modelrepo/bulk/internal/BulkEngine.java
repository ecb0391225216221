package dev.modelrepo.bulk.internal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;

import dev.modelrepo.dialect.BulkSupport;
import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.model.internal.KeyColumns;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.MaintainedTimestamps;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.RegistryAccess;
import dev.modelrepo.internal.write.ModelPersistence;
import dev.modelrepo.internal.write.ModelWriter;
import dev.modelrepo.internal.jdbc.StatementExecutor;

/**
 * The fast-path bulk writes ({@code insertBulk}, {@code updateBulk}, {@code deleteBulk}, {@code upsertBulk}), one class per
 * operation ({@link InsertBulk}, {@link UpdateBulk}, {@link DeleteBulk}, {@link UpsertBulk}) over the shared
 * {@link ChunkPlanner} and {@link VersionCheck}: resolves columns, adds timestamps, reads the elements as rows, chunks
 * them by batch size, bind limit and packet size, and runs each chunk in the statement shape of the dialect's
 * {@link BulkSupport}, all inside the options' transaction.
 */
public final class BulkEngine {

    static final ModelAccess<Model> ACCESS = ModelAccess.get(Model.class);

    private static final RegistryAccess<ModelRegistry> REGISTRY = RegistryAccess.get(ModelRegistry.class);

    final ModelRegistry registry;

    final Dialect dialect;

    final BulkSupport support;

    final StatementExecutor executor;

    final ModelPersistence persistence;

    final ModelWriter writer;

    final Clock clock;

    private final BulkTransactions transactions;

    final ChunkPlanner planner;

    final VersionCheck versions;

    private final InsertBulk insert;

    private final UpdateBulk update;

    private final DeleteBulk delete;

    private final UpsertBulk upsert;

    public BulkEngine(ModelRegistry registry, Dialect dialect, StatementExecutor executor, ModelPersistence persistence,
            ModelWriter writer, Clock clock, PlatformTransactionManager transactionManager) {
        this.registry = registry;
        this.dialect = dialect;
        this.support = dialect.bulk();
        this.executor = executor;
        this.persistence = persistence;
        this.writer = writer;
        this.clock = clock;
        this.transactions = new BulkTransactions(transactionManager, executor);
        this.planner = new ChunkPlanner(executor, support);
        this.versions = new VersionCheck(dialect, support, executor, writer);
        this.insert = new InsertBulk(this);
        this.update = new UpdateBulk(this);
        this.delete = new DeleteBulk(this);
        this.upsert = new UpsertBulk(this);
    }

    public int insertBulk(Class<? extends Model> type, List<String> names, List<?> rows, BulkSettings options) {
        return insert.run(type, names, rows, options);
    }

    public int updateBulk(Class<? extends Model> type, List<String> names, List<?> rows, BulkSettings options) {
        return update.run(type, names, rows, options);
    }

    public int deleteBulk(Class<? extends Model> type, List<?> rows, BulkSettings options) {
        return delete.run(type, rows, options);
    }

    public int upsertBulk(Class<? extends Model> type, List<String> names, List<?> rows, List<String> conflictNames, BulkSettings options) {
        return upsert.run(type, names, rows, conflictNames, options);
    }

    /** Runs the work of operation {@code label} ("insertBulk of User") in the options' transaction. */
    <T> T inTransaction(String label, BulkSettings options, Supplier<T> work) {
        return transactions.run(() -> label, options, work);
    }

    /** {@link #inTransaction(String, BulkSettings, Supplier)} with the label made only when needed. */
    <T> T inTransaction(Supplier<String> label, BulkSettings options, Supplier<T> work) {
        return transactions.run(label, options, work);
    }

    ModelInfo writableInfo(Class<? extends Model> type, String action) {
        Objects.requireNonNull(type, "type must not be null");
        ModelInfo info = REGISTRY.info(registry, type);
        ModelWriter.checkWritable(info, action);
        return info;
    }

    /** The primary-key columns (one or several) an operation writes rows by; a model without any is refused. */
    static List<ColumnMetadata> requireKey(ModelInfo info, String operation) {
        return KeyColumns.require(info.name(), info.metadata(), "be written by " + operation);
    }

    /** The maintained timestamp column of this name, else null; an error when it cannot hold a timestamp. */
    static @Nullable ColumnMetadata timestamp(ModelInfo info, String name) {
        return MaintainedTimestamps.column(info, name);
    }

    Supplier<java.time.Instant> now() {
        java.time.Instant now = clock.instant();
        return () -> now;
    }

    static String abbreviate(List<?> values) {
        return values.size() <= 20 ? values.toString() : values.subList(0, 20) + " and " + (values.size() - 20) + " more";
    }

}
