package dev.modelrepo.internal.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.modelrepo.observation.SqlLogSettings;

/**
 * The {@code dev.modelrepo.sql} logger: each statement at DEBUG with its duration and rows, its bound values (masked
 * by column or parameter name) at TRACE, and statements over the slow threshold at WARN with their values. Bulk
 * statements show their row count, never their values. When neither DEBUG nor a threshold is on, the executor skips
 * all of it after one level check.
 */
final class SqlLog {

    static final Log LOG = LogFactory.getLog("dev.modelrepo.sql");

    private static final long NO_THRESHOLD = Long.MAX_VALUE;

    private static final int MAX_VALUES = 100;

    private static final int MAX_TEXT = 200;

    private static final String MASK = "****";

    private final SqlLogSettings settings;

    private final long slowNanos;

    SqlLog(SqlLogSettings settings) {
        this.settings = settings;
        this.slowNanos = settings.slowQueryThreshold().map(java.time.Duration::toNanos).orElse(NO_THRESHOLD);
    }

    /** Whether anything of a statement may be logged: the hot path's only cost when off. */
    boolean active() {
        return slowNanos != NO_THRESHOLD || LOG.isDebugEnabled();
    }

    /** A recorder of the values the statement's work binds, or null when they are not shown (bulk, or not wanted). */
    @Nullable Values recorder(StatementExecutor.Op op) {
        return !bulk(op) && valuesWanted() ? new Values(null) : null;
    }

    /** The values of a bound statement, or null when they are not shown. */
    @Nullable Values values(StatementExecutor.Op op, BoundStatement statement) {
        if (bulk(op) || !valuesWanted()) {
            return null;
        }
        Values values = new Values(statement.parameters());
        values.values.addAll(Arrays.asList(statement.values()));
        return values;
    }

    private boolean valuesWanted() {
        return slowNanos != NO_THRESHOLD || LOG.isTraceEnabled();
    }

    private static boolean bulk(StatementExecutor.Op op) {
        return op.operation().endsWith("-bulk") || op.operation().equals("upsert");
    }

    /** Runs the statement's work and logs it with its duration and the rows {@code rows} counts in its result. */
    <T> T run(StatementExecutor.Op op, String sql, @Nullable Values values, Supplier<T> work, ToLongFunction<T> rows) {
        long start = System.nanoTime();
        T result;
        try {
            result = work.get();
        }
        catch (RuntimeException | Error ex) {
            log(op, sql, System.nanoTime() - start, -1, ex, values);
            throw ex;
        }
        log(op, sql, System.nanoTime() - start, rows.applyAsLong(result), null, values);
        return result;
    }

    /** Logs a stream's query, which has no row count when it opens. */
    void opened(StatementExecutor.Op op, String sql, long nanos, @Nullable Throwable failure, @Nullable Values values) {
        log(op, sql, nanos, -2, failure, values);
    }

    private void log(StatementExecutor.Op op, String sql, long nanos, long rows, @Nullable Throwable failure, @Nullable Values values) {
        String task = op.model().equals("none") ? op.operation() : op.operation() + " " + op.model();
        StringBuilder head = new StringBuilder(task.length() + sql.length() + 40).append(task).append(" [");
        if (failure != null) {
            head.append("failed after ").append(millis(nanos)).append(": ").append(failure.getClass().getSimpleName());
        }
        else {
            head.append(rows == -2 ? "opened" : rows + (rows == 1 ? " row" : " rows")).append(", ").append(millis(nanos));
        }
        if (nanos > slowNanos) {
            head.append(", over ").append(millis(slowNanos)).append("]: ").append(sql);
            if (values != null) {
                head.append("; ").append(values.render(sql, settings));
            }
            LOG.warn("slow " + head);
            return;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug(head.append("]: ").append(sql));
            if (values != null && LOG.isTraceEnabled()) {
                LOG.trace(task + " " + values.render(sql, settings));
            }
        }
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1_000_000.0);
    }

    /**
     * The values of one statement with the names of the parameters they came from (where known): given, or recorded
     * from what the statement's work binds through {@link #wrap(PreparedStatement)}.
     */
    static final class Values implements InvocationHandler {

        private final List<@Nullable Object> values = new ArrayList<>();

        private final @Nullable String @Nullable [] parameters;

        private @Nullable PreparedStatement target;

        private int batched;

        Values(@Nullable String @Nullable [] parameters) {
            this.parameters = parameters;
        }

        PreparedStatement wrap(PreparedStatement ps) {
            this.target = ps;
            return (PreparedStatement) Proxy.newProxyInstance(SqlLog.class.getClassLoader(), new Class<?>[] { PreparedStatement.class }, this);
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args) throws Throwable {
            String name = method.getName();
            if (args != null && args.length >= 2 && name.startsWith("set") && args[0] instanceof Integer index
                    && method.getDeclaringClass() == PreparedStatement.class && batched == 0) {
                while (values.size() < index) {
                    values.add(null);
                }
                values.set(index - 1, name.equals("setNull") ? null : args[1]);
            }
            else if (name.equals("addBatch") && (args == null || args.length == 0)) {
                batched++;
            }
            try {
                return method.invoke(target, args);
            }
            catch (InvocationTargetException ex) {
                throw ex.getCause();
            }
        }

        String render(String sql, SqlLogSettings settings) {
            if (batched > 1) {
                return "values of " + batched + " batched rows not logged";
            }
            List<@Nullable String> columns = PlaceholderNames.of(sql);
            boolean named = columns.size() == values.size();
            StringBuilder sb = new StringBuilder("values [");
            for (int i = 0; i < values.size(); i++) {
                if (i == MAX_VALUES) {
                    sb.append(", … (").append(values.size() - MAX_VALUES).append(" more)");
                    break;
                }
                String column = named ? columns.get(i) : null;
                String parameter = parameters != null && i < parameters.length ? parameters[i] : null;
                if (i > 0) {
                    sb.append(", ");
                }
                if (column != null) {
                    sb.append(column).append('=');
                }
                else if (parameter != null) {
                    sb.append(':').append(parameter).append('=');
                }
                sb.append(settings.masks(column) || settings.masks(parameter) ? MASK : format(values.get(i)));
            }
            return sb.append(']').toString();
        }

        private static String format(@Nullable Object value) {
            if (value == null) {
                return "NULL";
            }
            if (value instanceof CharSequence text) {
                String s = text.toString();
                return "'" + (s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s) + "'";
            }
            if (value instanceof byte[] bytes) {
                return "<" + bytes.length + " bytes>";
            }
            if (value instanceof Object[] items) {
                StringBuilder sb = new StringBuilder("{");
                for (int i = 0; i < items.length; i++) {
                    if (i == MAX_VALUES) {
                        sb.append(", …");
                        break;
                    }
                    sb.append(i == 0 ? "" : ", ").append(format(items[i]));
                }
                return sb.append('}').toString();
            }
            String s = String.valueOf(value);
            return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s;
        }
    }
}
