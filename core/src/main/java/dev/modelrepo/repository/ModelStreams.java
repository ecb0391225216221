package dev.modelrepo.repository;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.internal.Arguments;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.model.Model;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.internal.CompiledQuery;
import dev.modelrepo.query.internal.QueryAccess;
import dev.modelrepo.query.internal.Purpose;
import dev.modelrepo.repository.internal.Cursor;
import dev.modelrepo.repository.internal.IncludeLoader;

/** The constant-memory reads of a {@link ModelRepository}: streams over a cursor, and batches taken from such a stream. */
final class ModelStreams {

    private static final QueryAccess<ModelQuery<?>, ?> QUERIES = QueryAccess.get(ModelQuery.class);

    private final Dialect dialect;

    private final StatementExecutor executor;

    private final IncludeLoader includes;

    ModelStreams(Dialect dialect, StatementExecutor executor, IncludeLoader includes) {
        this.dialect = dialect;
        this.executor = executor;
        this.includes = includes;
    }

    /** {@link ModelRepository#stream(ModelQuery, Map, int)}, compiling through the repository's {@code compiled}. */
    <M extends Model> Stream<M> stream(ModelRepository repository, ModelQuery<M> query, Map<String, ?> params, int fetchSize) {
        Arguments.notNull(query, "query");
        Arguments.notNull(params, "params");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be positive: " + fetchSize);
        }
        includes.validate(query.modelType(), query.includes());
        CompiledQuery compiled = repository.compiled(query, Purpose.LIST, null);
        BoundStatement bound = QUERIES.bind(compiled, query, params);
        Cursor<M> cursor = new Cursor<>(executor.dataSource(), dialect, executor, bound, compiled.plan(), fetchSize);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(cursor::close);
    }

    /** {@link ModelRepository#forEachBatch}, reading through the repository's {@code stream}. */
    <M extends Model> void forEachBatch(ModelRepository repository, ModelQuery<M> query, Map<String, ?> params, int batchSize,
            Consumer<List<M>> consumer) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        Arguments.notNull(query, "query");
        Arguments.notNull(consumer, "consumer");
        List<String> include = query.includes();   // checked by stream(...) before its SELECT
        try (Stream<M> rows = repository.stream(query, params, batchSize)) {
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
