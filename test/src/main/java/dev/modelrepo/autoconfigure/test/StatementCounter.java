package dev.modelrepo.autoconfigure.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.modelrepo.autoconfigure.test.StatementGuardProperties.Mode;
import dev.modelrepo.observation.QueryContext;

/**
 * The N+1 guard: counts the statements modelrepo runs ({@code modelrepo.query} observations, handled on the
 * thread that runs the statement) while a piece of work runs on the current thread. {@code include(...)} loads each
 * relation level with one query, so a call that runs more statements than it has relation levels usually loops
 * over rows with one query each:
 *
 * <pre>{@code
 * @Autowired StatementCounter statements;
 *
 * @Test
 * void departmentsComeWithTheirEmployeesInTwoQueries() {
 *     List<Department> departments = statements.call(2, () -> directory.departmentsWithEmployees());
 * }
 * }</pre>
 *
 * A call over its limit fails with a {@link TooManyStatementsError} that lists the statements, or logs a warning
 * when {@code modelrepo.test.n-plus-one=warn}. Registered in the ObservationRegistry as an ObservationHandler, so
 * it sees every repository that observes into it (all that the auto-configuration or {@code ModelRepositories}
 * build, unless {@code modelrepo.metrics.enabled=false}).
 */
public class StatementCounter implements ObservationHandler<QueryContext> {

    private static final Log logger = LogFactory.getLog(StatementCounter.class);

    private final ThreadLocal<Deque<Recording>> recordings = ThreadLocal.withInitial(ArrayDeque::new);

    private final Mode mode;

    private final int defaultMax;

    public StatementCounter(Mode mode, int defaultMax) {
        this.mode = Objects.requireNonNull(mode, "mode must not be null");
        if (defaultMax < 0) {
            throw new IllegalArgumentException("defaultMax must not be negative: " + defaultMax);
        }
        this.defaultMax = defaultMax;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof QueryContext;
    }

    @Override
    public void onStop(QueryContext context) {
        for (Recording recording : this.recordings.get()) {
            recording.statements.add(new Statement(context.operation(), context.model(), context.sql()));
        }
    }

    /** Runs {@code work} as one guarded call of at most {@code modelrepo.test.max-statements} statements. */
    public <T> T call(Supplier<T> work) {
        return call(this.defaultMax, work);
    }

    /** Runs {@code work} as one guarded call of at most {@code max} statements and returns its result. */
    public <T> T call(int max, Supplier<T> work) {
        Objects.requireNonNull(work, "work must not be null");
        T result;
        List<Statement> statements;
        try (Recording recording = start()) {
            result = work.get();
            statements = recording.statements();
        }
        check(statements, max, "The call");
        return result;
    }

    /** {@link #call(Supplier)} for work without a result. */
    public void run(Runnable work) {
        run(this.defaultMax, work);
    }

    /** {@link #call(int, Supplier)} for work without a result. */
    public void run(int max, Runnable work) {
        Objects.requireNonNull(work, "work must not be null");
        call(max, () -> {
            work.run();
            return null;
        });
    }

    /** The statements {@code work} runs on this thread, without any limit (to assert on them). */
    public List<Statement> statementsOf(Runnable work) {
        try (Recording recording = start()) {
            work.run();
            return recording.statements();
        }
    }

    /**
     * Starts recording this thread's statements until the recording is closed; recordings nest (an outer one
     * sees the inner one's statements too).
     */
    public Recording start() {
        Recording recording = new Recording();
        this.recordings.get().push(recording);
        return recording;
    }

    /**
     * Applies the guard to what was recorded: more than {@code max} statements fails ({@link Mode#FAIL}) or logs a
     * warning ({@link Mode#WARN}).
     * @param what names the guarded work in the message ("The call", "The test method x()")
     */
    public void check(List<Statement> statements, int max, String what) {
        if (statements.size() <= max) {
            return;
        }
        String message = describe(statements, max, what);
        if (this.mode == Mode.FAIL) {
            throw new TooManyStatementsError(message, statements, max);
        }
        logger.warn(message);
    }

    /** The limit when none is given. */
    public int defaultMax() {
        return this.defaultMax;
    }

    public Mode mode() {
        return this.mode;
    }

    static String describe(List<Statement> statements, int max, String what) {
        Map<String, Integer> bySql = new LinkedHashMap<>();
        statements.forEach((statement) -> bySql.merge(statement.sql(), 1, Integer::sum));
        StringBuilder message = new StringBuilder(what).append(" ran ")
            .append(statements.size())
            .append(" modelrepo statements, more than the ")
            .append(max)
            .append(" allowed.");
        if (bySql.values().stream().anyMatch((n) -> n > 1)) {
            message.append(" The same statement ran several times: a loop with one query per row (N+1)?"
                    + " Load the relation with include(...) or a join instead.");
        }
        message.append(" Statements:");
        bySql.forEach((sql, n) -> message.append("\n  ").append(n).append(" x ").append(sql));
        return message.toString();
    }

    /** One statement: its operation, model (table) and SQL. */
    public record Statement(String operation, String model, String sql) {
    }

    /** The statements of this thread since {@link #start()}; close it to stop recording. */
    public final class Recording implements AutoCloseable {

        private final List<Statement> statements = new ArrayList<>();

        private Recording() {
        }

        /** The statements recorded so far. */
        public List<Statement> statements() {
            return List.copyOf(this.statements);
        }

        public int count() {
            return this.statements.size();
        }

        @Override
        public void close() {
            Deque<Recording> open = StatementCounter.this.recordings.get();
            open.remove(this);
            if (open.isEmpty()) {
                StatementCounter.this.recordings.remove();
            }
        }
    }
}
