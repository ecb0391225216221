package dev.modelrepo.autoconfigure.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.modelrepo.autoconfigure.test.StatementGuardProperties.Mode;
import dev.modelrepo.observation.StatementListener;
import dev.modelrepo.repository.ModelRepository;

/**
 * The N+1 guard: counts the statements modelrepo runs on the current thread while a piece of work runs there. {@code include(...)} loads each
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
 * when {@code modelrepo.test.n-plus-one=warn}.
 * <p>
 * It is a {@link StatementListener} of the repositories, not an observation handler, so observation, metrics and
 * logging settings cannot hide statements from it. The test auto-configuration attaches it to every repository that
 * it or {@code ModelRepositories} builds; a repository built otherwise needs {@link #attachTo}. A guard attached to
 * no repository would see no statements and pass every test: reading what it recorded fails instead.
 */
public class StatementCounter implements StatementListener {

    private static final Log logger = LogFactory.getLog(StatementCounter.class);

    /** This thread's open recordings, innermost first; none (not an empty deque) on threads that record nothing. */
    private final ThreadLocal<Deque<Recording>> recordings = new ThreadLocal<>();

    private final Mode mode;

    private final int defaultMax;

    private volatile boolean attached;

    public StatementCounter(Mode mode, int defaultMax) {
        this.mode = Objects.requireNonNull(mode, "mode must not be null");
        if (defaultMax < 0) {
            throw new IllegalArgumentException("defaultMax must not be negative: " + defaultMax);
        }
        this.defaultMax = defaultMax;
    }

    /** Counts the statements of the repository this builder builds. */
    public void attachTo(ModelRepository.Builder builder) {
        builder.statementListener(this);
        this.attached = true;
    }

    /** Records the statement in this thread's open recordings; called by the repositories it is attached to. */
    @Override
    public void onStatement(String operation, String model, String sql) {
        Deque<Recording> open = this.recordings.get();
        if (open == null) {
            return;
        }
        for (Recording recording : open) {
            recording.statements.add(new Statement(operation, model, sql));
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

    /**
     * Runs {@code work} as one guarded call of at most {@code modelrepo.test.max-statements} statements, like
     * {@link #call(Supplier)} for work without a result.
     */
    public void run(Runnable work) {
        run(this.defaultMax, work);
    }

    /** Runs {@code work} as one guarded call of at most {@code max} statements, like {@link #call(int, Supplier)}. */
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
        Deque<Recording> open = this.recordings.get();
        if (open == null) {
            open = new ArrayDeque<>();
            this.recordings.set(open);
        }
        open.push(recording);
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

        /**
         * The statements recorded so far.
         * @throws IllegalStateException if the counter is attached to no repository (it could see none)
         */
        public List<Statement> statements() {
            requireAttached();
            return List.copyOf(this.statements);
        }

        /** The number of statements recorded so far; fails like {@link #statements()}. */
        public int count() {
            requireAttached();
            return this.statements.size();
        }

        private void requireAttached() {
            if (!StatementCounter.this.attached) {
                throw new IllegalStateException("The statement guard is attached to no ModelRepository, so it cannot"
                        + " see any statement: build the repository with ModelRepositories (or let the auto-configuration"
                        + " build it), or call statementCounter.attachTo(builder) before build()");
            }
        }

        @Override
        public void close() {
            Deque<Recording> open = StatementCounter.this.recordings.get();
            if (open == null) {
                return;
            }
            open.remove(this);
            if (open.isEmpty()) {
                StatementCounter.this.recordings.remove();
            }
        }
    }
}
