package dev.modelrepo.benchmarks.peers;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Deletes the inserted rows after each iteration, so the table does not grow from one iteration to the next. */
@State(Scope.Benchmark)
public class Inserted {

    private Fixture fixture;

    @Setup(Level.Trial)
    public void start(Fixture fixture) {
        this.fixture = fixture;
    }

    @TearDown(Level.Iteration)
    public void deleteInserted() {
        fixture.deleteInserted();
    }
}
