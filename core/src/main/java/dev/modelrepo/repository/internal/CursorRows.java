package dev.modelrepo.repository.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a {@link Cursor} reads: the name its messages use (a model's, or "native SQL"), the model its metrics name, and
 * how its rows are read, prepared once when the result is open (native SQL learns its columns only then).
 */
record CursorRows<T>(String name, String metricsModel, Opener<T> opener) {

    /** Prepares the row reader of an open result. */
    @FunctionalInterface
    interface Opener<T> {
        RowReader<T> open(ResultSet rs) throws SQLException;
    }
}
