package dev.modelrepo.autoconfigure.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.noop.NoopMeter;
import org.jspecify.annotations.Nullable;

import dev.modelrepo.observation.QueryContext;

/**
 * The {@code modelrepo.query} meters of one meter registry, each looked up in the registry once per tag set and then
 * held here: a statement costs a hash lookup per meter instead of the registry's by-name-and-tags lookup (which
 * builds and sorts tags, then applies the meter filters' id cache). The tag sets are few (operations × models ×
 * dialects × outcomes × cache outcomes); past {@link #MAX_HELD} of a kind, meters are looked up in the registry
 * every time, so a convention with a high-cardinality tag costs speed, never memory.
 */
final class QueryMeters {

    /** Tag sets held per kind of meter. */
    static final int MAX_HELD = 4_096;

    static final String TIMER_DESCRIPTION = "Time of each statement modelrepo ran, from its start to its last row read"
            + " or its update count";

    static final String ACTIVE_DESCRIPTION = "Statements modelrepo is running now";

    private final MeterRegistry registry;

    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private final Map<KindKey, Kind> kinds = new ConcurrentHashMap<>();

    private final Map<RowsKey, DistributionSummary> rows = new ConcurrentHashMap<>();

    private final Meter.MeterProvider<Counter> conflicts;

    /** A composite registry's long task samples report the sum of their registries' durations, not the duration. */
    private final boolean composite;

    private final boolean longTaskTimers;

    QueryMeters(MeterRegistry registry, boolean longTaskTimers) {
        this.registry = registry;
        this.longTaskTimers = longTaskTimers;
        this.composite = registry instanceof CompositeMeterRegistry;
        this.conflicts = Counter.builder(QueryMeterObservationHandler.CONFLICTS)
            .description("Statements that failed on a conflict: an optimistic-locking version mismatch (optimistic),"
                    + " a lock not acquired (lock) or a deadlock or serialization failure (deadlock)")
            .withRegistry(registry);
    }

    MeterRegistry registry() {
        return this.registry;
    }

    /**
     * The timer of a finished statement: named after the observation, tagged with its low-cardinality key values (the
     * convention's, and whatever observation filters added) and {@code error}, as Micrometer's default meter handler
     * tags it.
     */
    private Timer timer(QueryContext context, String error) {
        KeyValues given = context.givenLowCardinalityKeyValues();
        TimerKey key = new TimerKey(context.getName(), (given != null) ? given : context.getLowCardinalityKeyValues(), error);
        Timer timer = this.timers.get(key);
        if (timer == null) {
            timer = Timer.builder(key.name())
                .description(TIMER_DESCRIPTION)
                .tags(tags(key.tags()).and("error", error))
                .register(this.registry);
            hold(this.timers, key, timer);
        }
        return timer;
    }

    /**
     * The meters of one kind of statement, as known when it starts (operation, model, dialect, cache outcome): one
     * lookup at the start of a statement finds its long task timer, its rows summary and, most of the time, its timer.
     */
    Kind kind(QueryContext context) {
        KindKey key = new KindKey(context.getName(), context.operation(), context.model(), context.dialect(),
                context.cache());
        Kind kind = this.kinds.get(key);
        if (kind == null) {
            kind = new Kind(this.longTaskTimers ? activeTimer(key) : null, rows(context));
            hold(this.kinds, key, kind);
        }
        return kind;
    }

    /** The long task timer of running statements: only the tags known when a statement starts. */
    private LongTaskTimer activeTimer(KindKey key) {
        return LongTaskTimer.builder(key.name() + ".active")
            .description(ACTIVE_DESCRIPTION)
            .tags("operation", key.operation(), "model", key.model(), "dialect", key.dialect(), "cache", key.cache())
            .register(this.registry);
    }

    /** The meters of one kind of statement. */
    final class Kind {

        private final @Nullable LongTaskTimer active;

        /** Whether the long task samples' durations are the statements' (so the clock is read once less). */
        private final boolean timesStatements;

        private final DistributionSummary rows;

        /** The timer of this kind's last successful statement, with the key values it was found by. */
        private volatile @Nullable TaggedTimer last;

        Kind(@Nullable LongTaskTimer active, DistributionSummary rows) {
            this.active = active;
            // a sample's stop() returns its duration, except in a composite registry or for a meter a filter denied
            this.timesStatements = active != null && !QueryMeters.this.composite && !(active instanceof NoopMeter);
            this.rows = rows;
        }

        @Nullable LongTaskTimer active() {
            return this.active;
        }

        boolean timesStatements() {
            return this.timesStatements;
        }

        DistributionSummary rows() {
            return this.rows;
        }

        /**
         * The timer of a finished statement of this kind: the last successful one's when the convention gave the same
         * key values instance (the default convention keeps one per kind and outcome), else looked up.
         */
        Timer timer(QueryContext context, boolean failed, String error) {
            KeyValues given = failed ? null : context.givenLowCardinalityKeyValues();
            TaggedTimer last = this.last;
            if (given != null && last != null && last.tags() == given) {
                return last.timer();
            }
            Timer timer = QueryMeters.this.timer(context, error);
            if (given != null) {
                this.last = new TaggedTimer(given, timer);
            }
            return timer;
        }
    }

    private record TaggedTimer(KeyValues tags, Timer timer) {
    }

    /** The summary of rows per statement, tagged operation and model. */
    private DistributionSummary rows(QueryContext context) {
        RowsKey key = new RowsKey(context.operation(), context.model());
        DistributionSummary summary = this.rows.get(key);
        if (summary == null) {
            summary = DistributionSummary.builder(QueryMeterObservationHandler.ROWS)
                .description("Rows a statement returned (queries) or affected (writes)")
                .baseUnit("rows")
                .tags("operation", key.operation(), "model", key.model())
                .register(this.registry);
            hold(this.rows, key, summary);
        }
        return summary;
    }

    /** Conflicts are rare: looked up in the registry each time. */
    Counter conflicts(String type, String model) {
        return this.conflicts.withTags("type", type, "model", model);
    }

    private static <K, M> void hold(Map<K, M> meters, K key, M meter) {
        if (meters.size() < MAX_HELD) {
            meters.putIfAbsent(key, meter);
        }
    }

    private static Tags tags(KeyValues keyValues) {
        List<Tag> tags = new ArrayList<>();
        for (KeyValue keyValue : keyValues) {
            tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
        }
        return Tags.of(tags);
    }

    /** A timer's identity: the observation's name, its low-cardinality key values and its error. */
    private record TimerKey(String name, KeyValues tags, String error) {
    }

    /** What a statement is before it runs. */
    private record KindKey(String name, String operation, String model, String dialect, String cache) {
    }

    private record RowsKey(String operation, String model) {
    }
}
