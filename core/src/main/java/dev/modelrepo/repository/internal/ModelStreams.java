package dev.modelrepo.repository.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.internal.Arguments;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.model.Model;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.QueryRenderer;
import dev.modelrepo.query.internal.CompiledQuery;
import dev.modelrepo.query.internal.CompiledQueryCache;
import dev.modelrepo.query.internal.QueryAccess;
import dev.modelrepo.query.internal.Purpose;
import dev.modelrepo.query.internal.RowPlan;

/**
 * The constant-memory reads: streams over a {@link Cursor}, and batches taken from one. The belongs-to relations of
 * joins are filled per row; {@code include(...)} relations are loaded per chunk of rows (a stream's fetch size, a
 * batch), one query per relation level and chunk.
 */
final class ModelStreams {

    private static final QueryAccess<ModelQuery<?>, QueryRenderer> QUERIES = QueryAccess.get(ModelQuery.class);

    private final Dialect dialect;

    private final StatementExecutor executor;

    private final IncludeLoader includes;

    private final QueryRenderer renderer;

    private final Function<String, ? extends RuntimeException> streamClosed;

    ModelStreams(Dialect dialect, StatementExecutor executor, IncludeLoader includes, QueryRenderer renderer,
            Function<String, ? extends RuntimeException> streamClosed) {
        this.dialect = dialect;
        this.executor = executor;
        this.includes = includes;
        this.renderer = renderer;
        this.streamClosed = streamClosed;
    }

    /** The query's models, read as the stream advances; its includes are loaded per chunk of {@code fetchSize} rows. */
    <M extends Model> Stream<M> stream(ModelQuery<M> query, Map<String, ?> params, int fetchSize) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be positive: " + fetchSize);
        }
        Cursor<M> cursor = open(query, params, fetchSize);
        List<String> include = query.includes();
        Iterator<M> rows = include.isEmpty() ? cursor
                : Batches.prepared(cursor, fetchSize, chunk -> includes.load(chunk, query.modelType(), include));
        return stream(rows, cursor);
    }

    /**
     * A stream of the iterator's elements that closes the cursor when it is closed; the cursor's own rows stream straight
     * from the cursor, its own spliterator.
     */
    @SuppressWarnings("unchecked")
    static <T> Stream<T> stream(Iterator<T> rows, Cursor<?> cursor) {
        Spliterator<T> spliterator = rows == cursor ? (Cursor<T>) cursor
                : Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(cursor::close);
    }

    /** The query's models in batches of {@code batchSize}, with their includes loaded per batch. */
    <M extends Model> void forEachBatch(ModelQuery<M> query, Map<String, ?> params, int batchSize,
            Consumer<List<M>> consumer) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        Arguments.notNull(query, "query");
        Arguments.notNull(consumer, "consumer");
        List<String> include = query.includes();
        try (Cursor<M> cursor = open(query, params, batchSize)) {
            Batches.each(cursor, batchSize, batch -> {
                includes.load(batch, query.modelType(), include);
                consumer.accept(batch);
            });
        }
    }

    /** The cursor of the query's SELECT, refused before any SQL when it cannot stream (see {@link #refuseBlockedIncludes}). */
    private <M extends Model> Cursor<M> open(ModelQuery<M> query, Map<String, ?> params, int fetchSize) {
        Arguments.notNull(query, "query");
        Arguments.notNull(params, "params");
        includes.validate(query.modelType(), query.includes());
        CompiledQuery compiled = QUERIES.compiled(renderer, query, Purpose.LIST, null, new CompiledQueryCache.Lookup());
        RowPlan plan = compiled.plan();
        if (plan.groupsRows()) {
            throw new InvalidDataAccessApiUsageException("A cursor cannot merge the rows of a has-many join;"
                    + " stream the parents and include(...) their children, which load per chunk of rows");
        }
        if (!query.includes().isEmpty()) {
            refuseBlockedIncludes(query);
        }
        BoundStatement bound = QUERIES.bind(compiled, query, params);
        String table = plan.layout().table() != null ? plan.layout().table().name() : plan.layout().modelName();
        CursorRows<M> rows = new CursorRows<>(plan.layout().modelName(), table, rs -> RowMappers.reader(plan));
        return new Cursor<>(executor.dataSource(), dialect, executor, bound, rows, fetchSize, streamClosed, true);
    }

    /**
     * Where an open stream blocks its connection (MySQL, MariaDB) and the stream reads on a transaction's connection,
     * the includes' queries could not run on it until the stream ends: refused before any SQL, with what works.
     */
    private void refuseBlockedIncludes(ModelQuery<?> query) {
        boolean shared = TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(executor.dataSource());
        if (dialect.streamingBlocksConnection() && shared) {
            throw new InvalidDataAccessApiUsageException("include(" + String.join(", ", query.includes()) + ") of a stream of "
                    + query.modelType().getSimpleName() + " loads each chunk with more queries, which " + dialect.name()
                    + " cannot run on this transaction's connection while the stream is open: stream outside the transaction (the"
                    + " stream then has a connection of its own and the includes use others), or list the rows page by page");
        }
    }
}
