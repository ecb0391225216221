package dev.modelrepo.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the {@code dev.modelrepo.sql} logger shows besides what its level asks for: which bound values are masked
 * at TRACE and in slow-statement warnings, and from which duration a statement is logged at WARN. Immutable;
 * every setter returns a new instance:
 * <pre>{@code SqlLogSettings.defaults().slowQueryThreshold(Duration.ofMillis(200))}</pre>
 */
public final class SqlLogSettings {

    /** The column (or parameter) name fragments masked unless configured otherwise. */
    public static final List<String> DEFAULT_MASKED_COLUMNS = List.of("password", "secret", "token");

    private static final SqlLogSettings DEFAULTS = new SqlLogSettings(DEFAULT_MASKED_COLUMNS, null, null);

    private final List<String> maskedColumns;

    private final @Nullable Duration slowQueryThreshold;

    private final @Nullable SqlCommenter commenter;

    private SqlLogSettings(List<String> maskedColumns, @Nullable Duration slowQueryThreshold, @Nullable SqlCommenter commenter) {
        this.maskedColumns = maskedColumns;
        this.slowQueryThreshold = slowQueryThreshold;
        this.commenter = commenter;
    }

    /** Masks password, secret and token columns; no slow-statement warnings. */
    public static SqlLogSettings defaults() {
        return DEFAULTS;
    }

    /**
     * The name fragments whose columns' (or, for a value not tied to a column, parameters') values are shown as
     * {@code ****}: a case-insensitive substring match, so {@code token} masks {@code api_token}. Replaces the
     * defaults; blank entries are ignored, an empty list masks nothing.
     */
    public SqlLogSettings maskedColumns(Collection<String> patterns) {
        Objects.requireNonNull(patterns, "patterns must not be null");
        List<String> lower = new ArrayList<>(patterns.size());
        for (String pattern : patterns) {
            if (pattern != null && !pattern.isBlank()) {
                lower.add(pattern.strip().toLowerCase(Locale.ROOT));
            }
        }
        return new SqlLogSettings(List.copyOf(lower), slowQueryThreshold, commenter);
    }

    /**
     * Statements that take longer are logged at WARN with their (masked) values, whatever the logger's level
     * below WARN; null, zero or negative: none.
     */
    public SqlLogSettings slowQueryThreshold(@Nullable Duration threshold) {
        boolean none = threshold == null || threshold.isZero() || threshold.isNegative();
        return new SqlLogSettings(maskedColumns, none ? null : threshold, commenter);
    }

    /**
     * Appends the commenter's tags to every statement sent to the database (sqlcommenter format), so the server's
     * own logs point at the code; null: no comments.
     */
    public SqlLogSettings comments(@Nullable SqlCommenter commenter) {
        return new SqlLogSettings(maskedColumns, slowQueryThreshold, commenter);
    }

    /** The commenter of statements, if any. */
    public Optional<SqlCommenter> comments() {
        return Optional.ofNullable(commenter);
    }

    /** The masked name fragments, in lower case. */
    public List<String> maskedColumns() {
        return maskedColumns;
    }

    /** The slow-statement threshold, if any. */
    public Optional<Duration> slowQueryThreshold() {
        return Optional.ofNullable(slowQueryThreshold);
    }

    /** Whether a value of this column or parameter is masked. */
    public boolean masks(@Nullable String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String pattern : maskedColumns) {
            if (lower.contains(pattern)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "SqlLogSettings[maskedColumns=" + maskedColumns + ", slowQueryThreshold=" + slowQueryThreshold + ", comments="
                + (commenter != null) + "]";
    }
}
