package dev.modelrepo.repository.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.schema.ColumnTypeInfo;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ColumnReader;

/**
 * The reads of native SQL: lists, streams and batches in constant memory over a {@link Cursor}, and locking SELECTs,
 * each result's columns read through the dialect's readers for the types the driver reports.
 */
public final class NativeReads {

    private static final String NAME = "native SQL";

    private final Dialect dialect;

    private final StatementExecutor executor;

    private final Function<String, ? extends RuntimeException> streamClosed;

    NativeReads(Dialect dialect, StatementExecutor executor, Function<String, ? extends RuntimeException> streamClosed) {
        this.dialect = dialect;
        this.executor = executor;
        this.streamClosed = streamClosed;
    }

    /** Every row of the statement. */
    public <T> List<T> list(BoundStatement bound, NativeRowMapping.Rows<T> rows) {
        return list(bound, rows, StatementExecutor.Op.of("native", "none"));
    }

    /** The rows, read from a cursor as the stream advances; closing the stream releases the connection. */
    public <T> Stream<T> stream(BoundStatement bound, NativeRowMapping.Rows<T> rows, int fetchSize) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be positive: " + fetchSize);
        }
        Cursor<T> cursor = cursor(bound, rows, fetchSize);
        return ModelStreams.stream(cursor, cursor);
    }

    /** The rows in batches of {@code batchSize} handed to the consumer; the connection is released at the end or when it throws. */
    public <T> void forEachBatch(BoundStatement bound, NativeRowMapping.Rows<T> rows, int batchSize, Consumer<List<T>> consumer) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        try (Cursor<T> cursor = cursor(bound, rows, batchSize)) {
            Batches.each(cursor, batchSize, consumer);
        }
    }

    /** The rows of a SELECT that ends with its lock clause; locks last until the transaction ends, so one must be active. */
    public <T> List<T> listLocked(BoundStatement bound, NativeRowMapping.Rows<T> rows) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("A locking select needs an active transaction"
                    + " (its locks end with it): use withLocked, which opens one");
        }
        return list(bound, rows, StatementExecutor.Op.of("lock", "none"));
    }

    private <T> List<T> list(BoundStatement bound, NativeRowMapping.Rows<T> rows, StatementExecutor.Op op) {
        return executor.query(bound, op, rs -> {
            RowReader<T> reader = prepare(rs, rows);
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(reader.read(rs));
            }
            return out;
        });
    }

    private <T> Cursor<T> cursor(BoundStatement bound, NativeRowMapping.Rows<T> rows, int fetchSize) {
        return new Cursor<>(executor.dataSource(), dialect, executor, bound, new CursorRows<>(NAME, "none", rs -> prepare(rs, rows)),
                fetchSize, streamClosed, false);
    }

    /** The row reader of a result: its columns' lower-case labels and the dialect's reader for each column's type. */
    private <T> RowReader<T> prepare(ResultSet rs, NativeRowMapping.Rows<T> rows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        ColumnReader[] readers = new ColumnReader[n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = md.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
            ColumnKind kind = dialect.columnKind(new ColumnTypeInfo(md.getColumnType(i + 1),
                    String.valueOf(md.getColumnTypeName(i + 1)), md.getPrecision(i + 1), md.getScale(i + 1), false, false));
            readers[i] = dialect.reader(kind, null);
        }
        return rows.prepare(readers, labels);
    }
}
