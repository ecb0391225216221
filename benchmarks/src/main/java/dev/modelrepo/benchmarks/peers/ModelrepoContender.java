package dev.modelrepo.benchmarks.peers;

import static dev.modelrepo.query.Q.and;
import static dev.modelrepo.query.Q.asc;
import static dev.modelrepo.query.Q.desc;
import static dev.modelrepo.query.Q.eq;
import static dev.modelrepo.query.Q.ge;
import static dev.modelrepo.query.Q.gt;
import static dev.modelrepo.query.Q.inner;
import static dev.modelrepo.query.Q.param;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.modelrepo.model.Model;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;

/** The queries modelrepo's reused-query benchmarks keep, and the models the update benchmark saves. */
@State(Scope.Benchmark)
public class ModelrepoContender {

    ModelQuery<Employee> list10;

    ModelQuery<Employee> join100;

    final List<Employee> loaded = new ArrayList<>();

    @Setup(Level.Trial)
    public void start(Fixture fixture) {
        ModelRepository repo = fixture.repository();
        list10 = list10Query(repo);
        join100 = join100Query(repo);
        loaded.addAll(repo.list(repo.query(Employee.class, "e").where(dev.modelrepo.query.Q.le("e.id", PeersBenchmarks.UPDATED_ROWS))
                .orderBy(asc("e.id")), Map.of()));
    }

    static ModelQuery<Employee> byIdQuery(ModelRepository repo) {
        return repo.query(Employee.class, "e").where(eq("e.id", param("id")));
    }

    static ModelQuery<Employee> list10Query(ModelRepository repo) {
        return repo.query(Employee.class, "e")
                .where(and(eq("e.department_id", param("dept")), ge("e.salary", param("min"))))
                .orderBy(desc("e.salary"))
                .limit(10);
    }

    static ModelQuery<Employee> join100Query(ModelRepository repo) {
        return repo.query(Employee.class, "e")
                .join(inner("department"))
                .where(gt("e.id", param("after")))
                .orderBy(asc("e.id"))
                .limit(Sql.PAGE);
    }

    static long insert(ModelRepository repo, long department, int salary) {
        Employee e = repo.build(Employee.class, Map.of());
        e.set("department_id", department)
                .set("manager_id", department)
                .set("name", Sql.NEW_NAME)
                .set("email", Sql.NEW_EMAIL)
                .set("title", Sql.NEW_TITLE)
                .set("salary", salary)
                .set("active", true)
                .set("hired_on", Sql.NEW_HIRED_ON)
                .set("created_at", Sql.NEW_CREATED_AT);
        repo.save(e);
        return (Long) e.id();
    }

    static void update(ModelRepository repo, Model e, int salary) {
        e.set("salary", salary);
        repo.save(e);
    }
}
