package dev.modelrepo.repository.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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

/** The constant-memory reads: streams over a {@link Cursor}, and batches taken from such a stream. */
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

    /** The query's models, read as the stream advances. */
    <M extends Model> Stream<M> stream(ModelQuery<M> query, Map<String, ?> params, int fetchSize) {
        Arguments.notNull(query, "query");
        Arguments.notNull(params, "params");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be positive: " + fetchSize);
        }
        includes.validate(query.modelType(), query.includes());
        CompiledQuery compiled = QUERIES.compiled(renderer, query, Purpose.LIST, null, new CompiledQueryCache.Lookup());
        BoundStatement bound = QUERIES.bind(compiled, query, params);
        Cursor<M> cursor = new Cursor<>(executor.dataSource(), dialect, executor, bound, compiled.plan(), fetchSize, streamClosed);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(cursor::close);
    }

    /** The query's models in batches of {@code batchSize}, with their includes loaded per batch. */
    <M extends Model> void forEachBatch(ModelQuery<M> query, Map<String, ?> params, int batchSize,
            Consumer<List<M>> consumer) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        Arguments.notNull(query, "query");
        Arguments.notNull(consumer, "consumer");
        List<String> include = query.includes();   // checked by stream(...) before its SELECT
        try (Stream<M> rows = stream(query, params, batchSize)) {
            Iterator<M> it = rows.iterator();
            List<M> batch = new ArrayList<>(batchSize);
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == batchSize) {
                    includes.load(batch, query.modelType(), include);
                    consumer.accept(batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty()) {
                includes.load(batch, query.modelType(), include);
                consumer.accept(batch);
            }
        }
    }
}
