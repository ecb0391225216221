package dev.modelrepo.repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.UnsupportedLockException;
import dev.modelrepo.internal.Arguments;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.lock.LockOptions;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.model.internal.RegistryAccess;
import dev.modelrepo.repository.internal.NativeReads;
import dev.modelrepo.repository.internal.NativeRowMapping;

/**
 * Native SQL with {@code :named} parameters (parsed by Spring's {@link NamedParameterUtils}, knowing the engine's
 * quoting: {@code :x} inside PostgreSQL's {@code $$…$$} and {@code E'…'} or MySQL's {@code 'it\'s'} is text;
 * collections expand to {@code ?, ?, …}, an empty one in {@code IN (:ids)} matches no row and in {@code NOT IN}
 * every row; PostgreSQL's {@code ?}, {@code ?|} and {@code ?&} operators are written as they are), run on the
 * transaction's connection. Results come as maps with lower-case keys, as Java records or classes by column name
 * ({@link #into}), or as models: as a list, a stream or batches read in constant memory, or locked. Values are bound
 * and read through the dialect, so dates, UUIDs and booleans behave as in the DSL; a model given as a value is bound as
 * its key.
 */
public final class NativeQuery {

    private static final RegistryAccess<ModelRegistry> REGISTRY = RegistryAccess.get(ModelRegistry.class);

    private final String sql;

    private final NativeSql parsed;

    private final Dialect dialect;

    private final StatementExecutor executor;

    private final NativeReads reads;

    private final ModelRepository repository;

    NativeQuery(String sql, NativeSql parsed, Dialect dialect, StatementExecutor executor, NativeReads reads, ModelRepository repository) {
        this.sql = sql;
        this.parsed = parsed;
        this.dialect = dialect;
        this.executor = executor;
        this.reads = reads;
        this.repository = repository;
    }

    /** The rows as ordered maps with lower-case column labels. */
    public List<Map<String, @Nullable Object>> list(Map<String, ?> params) {
        return reads.list(bind(params), NativeRowMapping.maps());
    }

    /** The first row, if any. */
    public Optional<Map<String, @Nullable Object>> first(Map<String, ?> params) {
        return first(list(params));
    }

    /**
     * The rows as maps, read from a cursor as the stream advances (constant memory whatever the row count); the stream
     * MUST be closed (try-with-resources), which releases its connection, as {@link ModelRepository#stream} says.
     */
    public Stream<Map<String, @Nullable Object>> stream(Map<String, ?> params) {
        return stream(params, ModelRepository.DEFAULT_FETCH_SIZE);
    }

    /** {@link #stream(Map)} with a fetch size (rows per round trip). */
    public Stream<Map<String, @Nullable Object>> stream(Map<String, ?> params, int fetchSize) {
        return reads.stream(bind(params), NativeRowMapping.maps(), fetchSize);
    }

    /** The rows as maps in batches of {@code batchSize}, in constant memory; the connection is released at the end or when the consumer throws. */
    public void forEachBatch(Map<String, ?> params, int batchSize, Consumer<List<Map<String, @Nullable Object>>> consumer) {
        Arguments.notNull(consumer, "consumer");
        reads.forEachBatch(bind(params), NativeRowMapping.maps(), batchSize, consumer);
    }

    /**
     * Selects the rows with the dialect's lock clause appended to this SELECT ({@code FOR UPDATE SKIP LOCKED}, say; on
     * SQLite the lock is the mode the transaction begins in), in the current transaction or a new one that commits after
     * {@code work}, and returns what {@code work} returns, as {@code LockOperations.withLocked} does for a query. A lock the
     * database cannot do raises {@link UnsupportedLockException} before any SQL runs.
     */
    public <T> T withLocked(Map<String, ?> params, LockOptions options, Function<List<Map<String, @Nullable Object>>, T> work) {
        return locked(params, options, NativeRowMapping.maps(), work);
    }

    /** {@link #withLocked} for work without a result. */
    public void useLocked(Map<String, ?> params, LockOptions options, Consumer<List<Map<String, @Nullable Object>>> work) {
        Arguments.notNull(work, "work");
        withLocked(params, options, rows -> {
            work.accept(rows);
            return null;
        });
    }

    /** The rows mapped to a record (components by column name, snake_case or camelCase), a model, or a bean. */
    public <T> Typed<T> into(Class<T> type) {
        Arguments.notNull(type, "type");
        return new Typed<>(type);
    }

    /** Runs an INSERT/UPDATE/DELETE and returns the affected row count. */
    public int update(Map<String, ?> params) {
        return executor.update(bind(params), StatementExecutor.Op.of("native", "none"));
    }

    /** Typed results of a native query: the same reads, each row mapped to {@code T}. */
    public final class Typed<T> {

        private final NativeRowMapping.Rows<T> rows;

        private Typed(Class<T> type) {
            this.rows = NativeRowMapping.into(type, Model.class.isAssignableFrom(type) ? REGISTRY.info(repository.registry(), type) : null);
        }

        public List<T> list(Map<String, ?> params) {
            return reads.list(bind(params), rows);
        }

        public Optional<T> first(Map<String, ?> params) {
            return NativeQuery.first(list(params));
        }

        /** The rows, read as the stream advances; see {@link NativeQuery#stream(Map)}. */
        public Stream<T> stream(Map<String, ?> params) {
            return stream(params, ModelRepository.DEFAULT_FETCH_SIZE);
        }

        public Stream<T> stream(Map<String, ?> params, int fetchSize) {
            return reads.stream(bind(params), rows, fetchSize);
        }

        public void forEachBatch(Map<String, ?> params, int batchSize, Consumer<List<T>> consumer) {
            Arguments.notNull(consumer, "consumer");
            reads.forEachBatch(bind(params), rows, batchSize, consumer);
        }

        /** The rows selected with a lock; see {@link NativeQuery#withLocked}. */
        public <R> R withLocked(Map<String, ?> params, LockOptions options, Function<List<T>, R> work) {
            return locked(params, options, rows, work);
        }

        public void useLocked(Map<String, ?> params, LockOptions options, Consumer<List<T>> work) {
            Arguments.notNull(work, "work");
            withLocked(params, options, list -> {
                work.accept(list);
                return null;
            });
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <R, T> T locked(Map<String, ?> params, LockOptions options, NativeRowMapping.Rows<R> rows, Function<List<R>, T> work) {
        Arguments.notNull(options, "lock");
        Arguments.notNull(work, "work");
        BoundStatement bound = withLockClause(bind(params), dialect.lockClause(options.request()));
        return repository.locks().inLockTransaction(options, () -> work.apply(reads.listLocked(bound, rows)));
    }

    /** The statement with the lock clause after it (on a line of its own after a {@code --} comment). */
    private BoundStatement withLockClause(BoundStatement bound, String clause) {
        String text = bound.sql().stripTrailing();
        if (text.endsWith(";")) {
            throw new InvalidDataAccessApiUsageException("A locked native SELECT is followed by its lock clause, so it must not end"
                    + " with ';': " + sql);
        }
        String locked = clause.isEmpty() ? text : parsed.endsInLineComment() ? text + "\n" + clause.strip() : text + clause;
        return new BoundStatement(locked, bound.binders(), bound.values(), bound.parameters());
    }

    private BoundStatement bind(Map<String, ?> params) {
        return parsed.bind(params, dialect);
    }

    @Override
    public String toString() {
        return "NativeQuery[" + sql + "]";
    }
}
