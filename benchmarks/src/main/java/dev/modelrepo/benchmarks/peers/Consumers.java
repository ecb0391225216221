package dev.modelrepo.benchmarks.peers;

import java.util.List;

import org.openjdk.jmh.infra.Blackhole;

import dev.modelrepo.benchmarks.EmployeeRow;
import dev.modelrepo.benchmarks.peers.Rows.EmployeeWithDepartment;
import dev.modelrepo.benchmarks.peers.springdata.SdjEmployee;
import dev.modelrepo.model.Model;

/**
 * How the peers benchmarks consume a result into the {@link Blackhole}: a column value and the row object (and the
 * department's name for joined rows).
 */
final class Consumers {

    private Consumers() {
    }

static void consume(Blackhole bh, EmployeeRow row) {
    bh.consume(row.name());
    bh.consume(row);
}

static void consume(Blackhole bh, Model e) {
    bh.consume(e.<Object>get("name"));
    bh.consume(e);
}

static void consume(Blackhole bh, SdjEmployee e) {
    bh.consume(e.name);
    bh.consume(e);
}

static void consumeRows(Blackhole bh, List<EmployeeRow> rows) {
    for (int i = 0, n = rows.size(); i < n; i++) {
        consume(bh, rows.get(i));
    }
}

static void consumeEntities(Blackhole bh, List<SdjEmployee> rows) {
    for (int i = 0, n = rows.size(); i < n; i++) {
        consume(bh, rows.get(i));
    }
}

static void consumeModels(Blackhole bh, List<? extends Model> rows) {
    for (int i = 0, n = rows.size(); i < n; i++) {
        consume(bh, rows.get(i));
    }
}

static void consumeJoined(Blackhole bh, List<EmployeeWithDepartment> rows) {
    for (int i = 0, n = rows.size(); i < n; i++) {
        EmployeeWithDepartment r = rows.get(i);
        bh.consume(r.employee().name());
        bh.consume(r.department().name());
        bh.consume(r);
    }
}

static void consumeJoinedModels(Blackhole bh, List<Employee> rows) {
    for (int i = 0, n = rows.size(); i < n; i++) {
        Employee e = rows.get(i);
        bh.consume(e.<Object>get("name"));
        Department d = e.related("department");
        bh.consume(d.<Object>get("name"));
        bh.consume(e);
    }
}
}
