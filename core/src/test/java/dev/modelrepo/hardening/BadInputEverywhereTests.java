package dev.modelrepo.hardening;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.fixtures.User;
import dev.modelrepo.lock.LockOptions;
import dev.modelrepo.model.Cascade;
import dev.modelrepo.model.FrozenModelException;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.model.UnknownModelException;
import dev.modelrepo.query.InvalidIdentifierException;
import dev.modelrepo.query.InvalidQueryException;
import dev.modelrepo.query.MissingParameterException;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.ParameterTypeException;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * Every public method with null, empty, wrong-type, unknown-model, frozen-model and out-of-range arguments: each
 * gives an exception whose message names the argument and what was expected; none a NullPointerException or a raw
 * SQLException.
 */
@Changelog("db/changelog/test-schema.xml")
class BadInputEverywhereTests {

    /** Not a model: no @Table. */
    static class Plain extends Model {
    }

    private record Case(String what, ThrowingCallable call, Class<? extends Throwable> expected, String mentions) {
    }

    @EngineTest
    void everyPublicMethodRejectsBadInputClearly(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        ModelQuery<User> q = ModelQuery.from(User.class, "u");
        User frozen = repo.build(User.class, Map.of("name", "frozen", "email", UUID.randomUUID() + "@x.test"));
        repo.save(frozen);
        repo.destroy(frozen);
        User fresh = repo.build(User.class, Map.of("name", "fresh"));
        Map<String, Object> nullMap = null;
        List<Case> cases = new ArrayList<>(List.of(
                // null arguments
                new Case("query(null type)", () -> repo.query(null, "u"), IllegalArgumentException.class, "type"),
                new Case("query(null alias)", () -> repo.query(User.class, null), InvalidIdentifierException.class, "alias"),
                new Case("list(null query)", () -> repo.list(null, Map.of()), IllegalArgumentException.class, "query"),
                new Case("list(null params)", () -> repo.list(q, nullMap), IllegalArgumentException.class, "params"),
                new Case("first(null params)", () -> repo.first(q, nullMap), IllegalArgumentException.class, "params"),
                new Case("count(null query)", () -> repo.count(null, Map.of()), IllegalArgumentException.class, "query"),
                new Case("exists(null params)", () -> repo.exists(q, nullMap), IllegalArgumentException.class, "params"),
                new Case("rows(null query)", () -> repo.rows(null, Map.of()), IllegalArgumentException.class, "query"),
                new Case("findById(null type)", () -> repo.findById(null, 1L), IllegalArgumentException.class, "type"),
                new Case("findById(null id)", () -> repo.findById(User.class, null), IllegalArgumentException.class, "id"),
                new Case("build(null values)", () -> repo.build(User.class, nullMap), IllegalArgumentException.class, "values"),
                new Case("save(null)", () -> repo.save(null), IllegalArgumentException.class, "model"),
                new Case("saveOrThrow(null)", () -> repo.saveOrThrow(null), IllegalArgumentException.class, "model"),
                new Case("destroy(null)", () -> repo.destroy((Model) null), IllegalArgumentException.class, "model"),
                new Case("destroy(model, null cascade)", () -> repo.destroy(fresh, null), IllegalArgumentException.class, "cascade"),
                new Case("destroy(null list)", () -> repo.destroy((List<User>) null, Cascade.NONE), IllegalArgumentException.class, "models"),
                new Case("updateWhere(null values)", () -> repo.updateWhere(q, nullMap, Map.of()), IllegalArgumentException.class, "values"),
                new Case("deleteWhere(null query)", () -> repo.deleteWhere(null, Map.of()), IllegalArgumentException.class, "query"),
                new Case("stream(null query)", () -> repo.stream(null, Map.of()), IllegalArgumentException.class, "query"),
                new Case("forEachBatch(null query)", () -> repo.forEachBatch(null, Map.of(), 10, b -> { }), IllegalArgumentException.class, "query"),
                new Case("forEachBatch(null consumer)", () -> repo.forEachBatch(q, Map.of(), 10, null), IllegalArgumentException.class, "consumer"),
                new Case("sql(null)", () -> repo.sql(null), IllegalArgumentException.class, "sql"),
                new Case("sql(…).list(null params)", () -> repo.sql("SELECT 1").list(nullMap), IllegalArgumentException.class, "params"),
                new Case("toSql(null query)", () -> repo.toSql(null, Map.of()), IllegalArgumentException.class, "query"),
                new Case("inTransaction(null)", () -> repo.inTransaction(null), IllegalArgumentException.class, "work"),
                new Case("useTransaction(null)", () -> repo.useTransaction(null), IllegalArgumentException.class, "work"),
                new Case("withLocked(null options)", () -> repo.locks().withLocked(q, Map.of(), null, rows -> rows), IllegalArgumentException.class, "lock"),
                new Case("withLocked(null query)", () -> repo.locks().withLocked(null, Map.of(), LockOptions.forUpdate(), rows -> rows), IllegalArgumentException.class, "query"),
                new Case("retryOnConflict(null)", () -> repo.locks().retryOnConflict(3, null), IllegalArgumentException.class, "work"),
                new Case("where(null)", () -> q.where(null), IllegalArgumentException.class, "condition"),
                new Case("join(null)", () -> q.join(null), IllegalArgumentException.class, "join"),
                new Case("orderBy(null)", () -> q.orderBy((dev.modelrepo.query.Order) null), IllegalArgumentException.class, "order"),
                new Case("model.get(null)", () -> fresh.get(null), IllegalArgumentException.class, "column"),
                new Case("model.set(null, …)", () -> fresh.set(null, 1), IllegalArgumentException.class, "column"),
                new Case("wait(null)", () -> LockOptions.forUpdate().wait(null), IllegalArgumentException.class, "timeout"),
                // empty
                new Case("and()", () -> and(), InvalidQueryException.class, "at least one"),
                new Case("updateWhere(no values)", () -> repo.updateWhere(q, Map.of(), Map.of()), InvalidDataAccessApiUsageException.class, "at least one column"),
                new Case("select(\"\")", () -> q.select(""), InvalidIdentifierException.class, "column"),
                new Case("sql(\"\")", () -> repo.sql("").list(Map.of()), InvalidDataAccessApiUsageException.class, "empty"),
                // wrong type
                new Case("eq(int column, String)", () -> repo.list(q.where(eq("u.age", "old")), Map.of()), ParameterTypeException.class, "age"),
                new Case("param of wrong type", () -> repo.list(q.where(eq("u.age", param("a"))), Map.of("a", List.of(1))), InvalidDataAccessApiUsageException.class, "'a'"),
                new Case("set(wrong type)", () -> fresh.set("age", "old"), InvalidDataAccessApiUsageException.class, "User.age"),
                new Case("get(col, wrong type)", () -> repo.build(User.class, Map.of("name", "n")).get("name", Integer.class), InvalidDataAccessApiUsageException.class, "name"),
                new Case("in(non-collection)", () -> repo.list(q.where(in("u.id", param("ids"))), Map.of("ids", 3)), ParameterTypeException.class, "collection"),
                new Case("missing parameter", () -> repo.list(q.where(eq("u.id", param("id"))), Map.of()), MissingParameterException.class, "'id'"),
                // unknown model, column, relation
                new Case("query(class without @Table)", () -> repo.query(Plain.class, "p"), UnknownModelException.class, "@Table"),
                new Case("findById(class without @Table)", () -> repo.findById(Plain.class, 1), UnknownModelException.class, "@Table"),
                new Case("save(class without @Table)", () -> repo.save(new Plain()), UnknownModelException.class, "@Table"),
                new Case("unknown column", () -> repo.list(q.where(eq("u.nope", 1)), Map.of()), UnknownColumnException.class, "'nope'"),
                new Case("unknown relation", () -> repo.list(q.include("friends"), Map.of()), UnknownColumnException.class, "'friends'"),
                new Case("stream(unknown relation)", () -> repo.stream(q.include("friends"), Map.of()), UnknownColumnException.class, "'friends'"),
                new Case("build(unknown column)", () -> repo.build(User.class, Map.of("nope", 1)), UnknownColumnException.class, "'nope'"),
                // frozen
                new Case("set on frozen", () -> frozen.set("name", "x"), FrozenModelException.class, "frozen"),
                new Case("save frozen", () -> repo.save(frozen), FrozenModelException.class, "frozen"),
                new Case("destroy frozen", () -> repo.destroy(frozen), FrozenModelException.class, "frozen"),
                new Case("destroy new", () -> repo.destroy(fresh), InvalidDataAccessApiUsageException.class, "never saved"),
                // out of range
                new Case("limit(-1)", () -> q.limit(-1), InvalidQueryException.class, "limit"),
                new Case("offset(-1)", () -> q.offset(-1), InvalidQueryException.class, "offset"),
                new Case("page(-1, 10)", () -> q.page(-1, 10), InvalidQueryException.class, "page"),
                new Case("page(0, 0)", () -> q.page(0, 0), InvalidQueryException.class, "size"),
                new Case("forEachBatch(0)", () -> repo.forEachBatch(q, Map.of(), 0, b -> { }), IllegalArgumentException.class, "batchSize"),
                new Case("stream fetch size 0", () -> repo.stream(q, Map.of(), 0), IllegalArgumentException.class, "fetchSize"),
                new Case("retryOnConflict(0)", () -> repo.locks().retryOnConflict(0, () -> 1), IllegalArgumentException.class, "maxAttempts"),
                new Case("wait(negative)", () -> LockOptions.forUpdate().wait(Duration.ofSeconds(-1)), IllegalArgumentException.class, "timeout"),
                new Case("QueryCache(-1)", () -> new dev.modelrepo.query.QueryCache(-1), IllegalArgumentException.class, "maxSize"),
                new Case("int column overflow", () -> repo.list(q.where(eq("u.age", Long.MAX_VALUE)), Map.of()), ParameterTypeException.class, "age")));
        List<String> problems = new ArrayList<>();
        for (Case c : cases) {
            Throwable thrown = catchThrowable(c.call());
            if (thrown == null) {
                problems.add(c.what() + ": nothing thrown");
            }
            else if (thrown instanceof NullPointerException || thrown instanceof SQLException || !c.expected().isInstance(thrown)
                    || thrown.getMessage() == null || !thrown.getMessage().contains(c.mentions())) {
                problems.add(c.what() + ": " + thrown.getClass().getName() + ": " + thrown.getMessage());
            }
        }
        assertThat(problems).as("%d cases", cases.size()).isEqualTo(Collections.emptyList());
    }
}
