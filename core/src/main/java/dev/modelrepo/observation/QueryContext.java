package dev.modelrepo.observation;

import java.util.Iterator;

import org.jspecify.annotations.Nullable;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;

/** What one observed statement is: operation, model (table), dialect, query-cache outcome, SQL and row count. */
public class QueryContext extends Observation.Context {

    private final String operation;

    private final String model;

    private final String dialect;

    private final String cache;

    private final String sql;

    private long rows = -1;

    /**
     * The low-cardinality key values as the last bulk add gave them, while nothing else changed them: held as that
     * one instance instead of one map entry per key (Micrometer's context puts each key value into a concurrent map,
     * at the start and again at the stop); null once they live in the context's map.
     */
    private @Nullable KeyValues low = KeyValues.empty();

    /** The high-cardinality key values, held the same way. */
    private @Nullable KeyValues high = KeyValues.empty();

    /** The default convention's tags of this statement, looked up at its start, reused at its stop. */
    DefaultQueryObservationConvention.@Nullable Tags conventionTags;

    private @Nullable Object meterState;

    public QueryContext(String operation, String model, String dialect, String cache, String sql) {
        this.operation = operation;
        this.model = model;
        this.dialect = dialect;
        this.cache = cache;
        this.sql = sql;
    }

    /** select, insert, update, delete, insert-bulk, update-bulk, delete-bulk, upsert, native or lock. */
    public String operation() {
        return operation;
    }

    /** The table name in lower case; {@code none} for native SQL. */
    public String model() {
        return model;
    }

    public String dialect() {
        return dialect;
    }

    /** hit, miss or none (statements that do not go through the query cache). */
    public String cache() {
        return cache;
    }

    public String sql() {
        return sql;
    }

    /** Rows returned or affected; -1 when unknown. */
    public long rows() {
        return rows;
    }

    public void setRows(long rows) {
        this.rows = rows;
    }

    /** The error's simple class name, or {@code none}. */
    public String errorName() {
        @Nullable Throwable error = getError();
        return error == null ? "none" : error.getClass().getSimpleName();
    }

    /**
     * What modelrepo's meter handler keeps from the start of this statement to its stop: a field, cheaper than
     * the context's own map ({@link #put}), which other handlers use.
     */
    public @Nullable Object meterState() {
        return meterState;
    }

    /** Keeps the meter handler's state of this statement (see {@link #meterState()}). */
    public void meterState(@Nullable Object state) {
        this.meterState = state;
    }

    /**
     * The low-cardinality key values when they are exactly those of the last {@code addLowCardinalityKeyValues} call
     * (the convention's, at start and at stop), as the same instance, so a meter handler can key its meters by them
     * without building and sorting them again; null once anything else (an observation filter, a single key value, a
     * removal) changed them: then {@link #getLowCardinalityKeyValues()} says what they are. Read it on the thread that
     * stops the observation.
     */
    public @Nullable KeyValues givenLowCardinalityKeyValues() {
        return low;
    }

    @Override
    public Observation.Context addLowCardinalityKeyValues(KeyValues keyValues) {
        @Nullable KeyValues held = low;
        if (held != null && sameKeys(held, keyValues)) {
            low = keyValues;   // the same keys: these values replace those, as they would in the map
            return this;
        }
        lowInMap();
        return super.addLowCardinalityKeyValues(keyValues);
    }

    @Override
    public Observation.Context addLowCardinalityKeyValue(KeyValue keyValue) {
        lowInMap();
        return super.addLowCardinalityKeyValue(keyValue);
    }

    @Override
    public Observation.Context removeLowCardinalityKeyValue(String keyName) {
        lowInMap();
        return super.removeLowCardinalityKeyValue(keyName);
    }

    @Override
    public KeyValues getLowCardinalityKeyValues() {
        @Nullable KeyValues held = low;
        return held != null ? held : super.getLowCardinalityKeyValues();
    }

    @Override
    public @Nullable KeyValue getLowCardinalityKeyValue(String key) {
        @Nullable KeyValues held = low;
        return held != null ? find(held, key) : super.getLowCardinalityKeyValue(key);
    }

    @Override
    public Observation.Context addHighCardinalityKeyValues(KeyValues keyValues) {
        @Nullable KeyValues held = high;
        if (held != null && sameKeys(held, keyValues)) {
            high = keyValues;
            return this;
        }
        highInMap();
        return super.addHighCardinalityKeyValues(keyValues);
    }

    @Override
    public Observation.Context addHighCardinalityKeyValue(KeyValue keyValue) {
        highInMap();
        return super.addHighCardinalityKeyValue(keyValue);
    }

    @Override
    public Observation.Context removeHighCardinalityKeyValue(String keyName) {
        highInMap();
        return super.removeHighCardinalityKeyValue(keyName);
    }

    @Override
    public KeyValues getHighCardinalityKeyValues() {
        @Nullable KeyValues held = high;
        return held != null ? held : super.getHighCardinalityKeyValues();
    }

    @Override
    public @Nullable KeyValue getHighCardinalityKeyValue(String key) {
        @Nullable KeyValues held = high;
        return held != null ? find(held, key) : super.getHighCardinalityKeyValue(key);
    }

    /** Moves the held low-cardinality key values into the context's map (filled first: a reader sees either whole). */
    private void lowInMap() {
        @Nullable KeyValues held = low;
        if (held != null) {
            for (KeyValue keyValue : held) {
                super.addLowCardinalityKeyValue(keyValue);
            }
            low = null;
        }
    }

    private void highInMap() {
        @Nullable KeyValues held = high;
        if (held != null) {
            for (KeyValue keyValue : held) {
                super.addHighCardinalityKeyValue(keyValue);
            }
            high = null;
        }
    }

    private static @Nullable KeyValue find(KeyValues keyValues, String key) {
        for (KeyValue keyValue : keyValues) {
            if (keyValue.getKey().equals(key)) {
                return keyValue;
            }
        }
        return null;
    }

    /** Whether {@code before} is empty or has exactly the keys of {@code after} (both are sorted by key). */
    private static boolean sameKeys(KeyValues before, KeyValues after) {
        if (before == after) {
            return true;   // the convention's cached instance again, at the stop
        }
        Iterator<KeyValue> b = before.iterator();
        if (!b.hasNext()) {
            return true;
        }
        Iterator<KeyValue> a = after.iterator();
        while (b.hasNext()) {
            if (!a.hasNext() || !b.next().getKey().equals(a.next().getKey())) {
                return false;
            }
        }
        return !a.hasNext();
    }
}
