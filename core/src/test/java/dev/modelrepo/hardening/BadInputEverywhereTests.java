package dev.modelrepo.hardening;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.transaction.IllegalTransactionStateException;

import dev.modelrepo.bulk.BulkOperations;
import dev.modelrepo.bulk.BulkOptions;
import dev.modelrepo.bulk.TypeMismatchException;
import dev.modelrepo.fixtures.CountingDataSource;
import dev.modelrepo.fixtures.Department;

import dev.modelrepo.fixtures.User;
import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.lock.LockOptions;
import dev.modelrepo.dialect.UnsupportedLockException;
import dev.modelrepo.model.Cascade;
import dev.modelrepo.model.FrozenModelException;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.model.UnknownModelException;
import dev.modelrepo.model.UnknownRelationException;
import dev.modelrepo.query.error.InvalidIdentifierException;
import dev.modelrepo.query.error.InvalidQueryException;
import dev.modelrepo.query.error.MissingParameterException;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.error.ParameterTypeException;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
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

    /** One bad call; {@code noSql}: it fails before any statement is prepared. */
    private record Case(String what, ThrowingCallable call, Class<? extends Throwable> expected, String mentions, boolean noSql) {

        Case(String what, ThrowingCallable call, Class<? extends Throwable> expected, String mentions) {
            this(what, call, expected, mentions, true);
        }
    }

    @EngineTest
    void everyPublicMethodRejectsBadInputClearly(TestDatabase db) {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        ModelRepository repo = ModelRepository.create(counting);
        BulkOperations bulk = repo.bulk();
        LockOperations locks = repo.locks();
        BulkOptions defaults = BulkOptions.defaults();
        List<String> columns = List.of("name", "email");
        List<Map<String, Object>> bulkRows = List.of(Map.of("name", "n", "email", UUID.randomUUID() + "@x.test"));
        ModelQuery<User> q = ModelQuery.from(User.class, "u");
        User frozen = repo.build(User.class, Map.of("name", "frozen", "email", UUID.randomUUID() + "@x.test"));
        repo.save(frozen);
        repo.destroy(frozen);
        User fresh = repo.build(User.class, Map.of("name", "fresh"));
        User stored = repo.build(User.class, Map.of("name", "stored", "email", UUID.randomUUID() + "@x.test"));
        repo.save(stored);
        Map<String, Object> nullMap = null;
        List<User> nullModels = null;
        List<String> nullColumns = null;
        List<Map<String, Object>> nullRows = null;
        Class<User> nullType = null;
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
                new Case("unknown relation", () -> repo.list(q.include("friends"), Map.of()), UnknownRelationException.class, "'friends'"),
                new Case("stream(unknown relation)", () -> repo.stream(q.include("friends"), Map.of()), UnknownRelationException.class, "'friends'"),
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
                new Case("int column overflow", () -> repo.list(q.where(eq("u.age", Long.MAX_VALUE)), Map.of()), ParameterTypeException.class, "age"),
                // the rest of the repository
                new Case("builder(null)", () -> ModelRepository.builder(null), IllegalArgumentException.class, "dataSource"),
                new Case("create(null)", () -> ModelRepository.create(null), IllegalArgumentException.class, "dataSource"),
                new Case("list(null query) without params", () -> repo.list((ModelQuery<User>) null), IllegalArgumentException.class, "query"),
                new Case("first(null query)", () -> repo.first(null, Map.of()), IllegalArgumentException.class, "query"),
                new Case("count(null params)", () -> repo.count(q, nullMap), IllegalArgumentException.class, "params"),
                new Case("exists(null query)", () -> repo.exists(null, Map.of()), IllegalArgumentException.class, "query"),
                new Case("rows(null params)", () -> repo.rows(q, nullMap), IllegalArgumentException.class, "params"),
                new Case("stream(null params)", () -> repo.stream(q, nullMap), IllegalArgumentException.class, "params"),
                new Case("forEachBatch(null params)", () -> repo.forEachBatch(q, nullMap, 10, b -> { }), IllegalArgumentException.class, "params"),
                new Case("toSql(null params)", () -> repo.toSql(q, nullMap), IllegalArgumentException.class, "params"),
                new Case("updateWhere(null query)", () -> repo.updateWhere(null, Map.of("age", 1), Map.of()), IllegalArgumentException.class, "query"),
                new Case("updateWhere(null params)", () -> repo.updateWhere(q, Map.of("age", 1), nullMap), IllegalArgumentException.class, "params"),
                new Case("deleteWhere(null params)", () -> repo.deleteWhere(q, nullMap), IllegalArgumentException.class, "params"),
                // bulk: null arguments
                new Case("insertAll(null)", () -> bulk.insertAll(nullModels), IllegalArgumentException.class, "models"),
                new Case("insertAll(…, null options)", () -> bulk.insertAll(List.of(fresh), null), IllegalArgumentException.class, "options"),
                new Case("updateAll(null)", () -> bulk.updateAll(nullModels), IllegalArgumentException.class, "models"),
                new Case("updateAll(…, null options)", () -> bulk.updateAll(List.of(stored), null), IllegalArgumentException.class, "options"),
                new Case("deleteAll(null)", () -> bulk.deleteAll(nullModels), IllegalArgumentException.class, "models"),
                new Case("deleteAll(…, null cascade)", () -> bulk.deleteAll(List.of(stored), null), IllegalArgumentException.class, "cascade"),
                new Case("deleteAll(…, null options)", () -> bulk.deleteAll(List.of(stored), Cascade.NONE, null), IllegalArgumentException.class, "options"),
                new Case("insertBulk(null type)", () -> bulk.insertBulk(nullType, columns, bulkRows), IllegalArgumentException.class, "type"),
                new Case("insertBulk(null columns)", () -> bulk.insertBulk(User.class, nullColumns, bulkRows), IllegalArgumentException.class, "columns"),
                new Case("insertBulk(null rows)", () -> bulk.insertBulk(User.class, columns, nullRows), IllegalArgumentException.class, "rows"),
                new Case("insertBulk(null options)", () -> bulk.insertBulk(User.class, columns, bulkRows, null), IllegalArgumentException.class, "options"),
                new Case("updateBulk(null type)", () -> bulk.updateBulk(nullType, List.of("id", "name"), bulkRows), IllegalArgumentException.class, "type"),
                new Case("updateBulk(null columns)", () -> bulk.updateBulk(User.class, nullColumns, bulkRows), IllegalArgumentException.class, "columns"),
                new Case("updateBulk(null rows)", () -> bulk.updateBulk(User.class, List.of("id", "name"), nullRows), IllegalArgumentException.class, "rows"),
                new Case("updateBulk(null options)", () -> bulk.updateBulk(User.class, List.of("id", "name"), bulkRows, null), IllegalArgumentException.class, "options"),
                new Case("deleteBulk(null type)", () -> bulk.deleteBulk(nullType, List.of(stored)), IllegalArgumentException.class, "type"),
                new Case("deleteBulk(null rows)", () -> bulk.deleteBulk(User.class, nullRows), IllegalArgumentException.class, "rows"),
                new Case("deleteBulk(null options)", () -> bulk.deleteBulk(User.class, List.of(stored), null), IllegalArgumentException.class, "options"),
                new Case("upsert(null)", () -> bulk.upsert((User) null), IllegalArgumentException.class, "model"),
                new Case("upsert(…, null conflict columns)", () -> bulk.upsert(fresh, null), IllegalArgumentException.class, "conflictColumns"),
                new Case("upsertBulk(null type)", () -> bulk.upsertBulk(nullType, columns, bulkRows, List.of("email")), IllegalArgumentException.class, "type"),
                new Case("upsertBulk(null columns)", () -> bulk.upsertBulk(User.class, nullColumns, bulkRows, List.of("email")), IllegalArgumentException.class, "columns"),
                new Case("upsertBulk(null rows)", () -> bulk.upsertBulk(User.class, columns, nullRows, List.of("email")), IllegalArgumentException.class, "rows"),
                new Case("upsertBulk(null conflict columns)", () -> bulk.upsertBulk(User.class, columns, bulkRows, nullColumns), IllegalArgumentException.class, "conflictColumns"),
                new Case("upsertBulk(null options)", () -> bulk.upsertBulk(User.class, columns, bulkRows, List.of("email"), null), IllegalArgumentException.class, "options"),
                new Case("BulkOptions.onTypeMismatch(null)", () -> defaults.onTypeMismatch(null), IllegalArgumentException.class, "onTypeMismatch"),
                new Case("BulkOptions.propagation(null)", () -> defaults.propagation(null), IllegalArgumentException.class, "propagation"),
                // bulk: empty and wrong arguments
                new Case("insertAll(null element)", () -> bulk.insertAll(Arrays.asList(fresh, null)), IllegalArgumentException.class, "element 1 is null"),
                new Case("insertAll(stored model)", () -> bulk.insertAll(List.of(stored)), InvalidDataAccessApiUsageException.class, "already stored"),
                new Case("insertAll(frozen model)", () -> bulk.insertAll(List.of(frozen)), FrozenModelException.class, "frozen"),
                new Case("insertAll(class without @Table)", () -> bulk.insertAll(List.of(new Plain())), UnknownModelException.class, "@Table"),
                new Case("updateAll(new model)", () -> bulk.updateAll(List.of(fresh)), InvalidDataAccessApiUsageException.class, "is new"),
                new Case("deleteAll(null element)", () -> bulk.deleteAll(Arrays.asList(stored, null)), IllegalArgumentException.class, "element 1 is null"),
                new Case("insertBulk(no columns)", () -> bulk.insertBulk(User.class, List.of(), bulkRows), InvalidDataAccessApiUsageException.class, "at least one column"),
                new Case("insertBulk(unknown column)", () -> bulk.insertBulk(User.class, List.of("nope"), bulkRows), UnknownColumnException.class, "'nope'"),
                new Case("insertBulk(column twice)", () -> bulk.insertBulk(User.class, List.of("name", "name"), bulkRows), InvalidDataAccessApiUsageException.class, "twice"),
                new Case("insertBulk(null column name)", () -> bulk.insertBulk(User.class, Arrays.asList("name", null), bulkRows), UnknownColumnException.class, "null"),
                new Case("insertBulk(class without @Table)", () -> bulk.insertBulk(Plain.class, columns, bulkRows), UnknownModelException.class, "@Table"),
                // elements are checked as they stream into the prepared statement, so it is prepared (nothing is written)
                new Case("insertBulk(element of another type)", () -> bulk.insertBulk(User.class, columns, List.of("not a row")), TypeMismatchException.class, "element 0", false),
                new Case("insertBulk(null element)", () -> bulk.insertBulk(User.class, columns, Arrays.asList((Object) null)), TypeMismatchException.class, "element 0 is null", false),
                new Case("updateBulk(nothing to update)", () -> bulk.updateBulk(Department.class, List.of("id"), List.of(Map.of("id", 1))), InvalidDataAccessApiUsageException.class, "nothing to update"),
                new Case("updateBulk(unknown column)", () -> bulk.updateBulk(User.class, List.of("id", "nope"), bulkRows), UnknownColumnException.class, "'nope'"),
                new Case("deleteBulk(class without @Table)", () -> bulk.deleteBulk(Plain.class, List.of(Map.of("id", 1))), UnknownModelException.class, "@Table"),
                new Case("upsert(unknown conflict column)", () -> bulk.upsert(repo.build(User.class, Map.of("name", "u")), List.of("nope")), UnknownColumnException.class, "'nope'"),
                new Case("upsertBulk(no conflict columns)", () -> bulk.upsertBulk(User.class, columns, bulkRows, List.of()), InvalidDataAccessApiUsageException.class, "conflict columns"),
                new Case("upsertBulk(unknown conflict column)", () -> bulk.upsertBulk(User.class, columns, bulkRows, List.of("nope")), UnknownColumnException.class, "'nope'"),
                new Case("upsertBulk(conflict column not written)", () -> bulk.upsertBulk(User.class, columns, bulkRows, List.of("age")), InvalidDataAccessApiUsageException.class, "'age'"),
                new Case("BulkOptions.batchSize(0)", () -> defaults.batchSize(0), IllegalArgumentException.class, "batchSize"),
                // locks: null arguments
                new Case("locks(null backoff, …)", () -> repo.locks(null, 3), IllegalArgumentException.class, "initialBackoff"),
                new Case("withLocked(null params)", () -> locks.withLocked(q, nullMap, LockOptions.forUpdate(), r -> r), IllegalArgumentException.class, "params"),
                new Case("withLocked(null work)", () -> locks.withLocked(q, Map.of(), LockOptions.forUpdate(), null), IllegalArgumentException.class, "work"),
                new Case("useLocked(null query)", () -> locks.useLocked(null, Map.of(), LockOptions.forUpdate(), r -> { }), IllegalArgumentException.class, "query"),
                new Case("useLocked(null params)", () -> locks.useLocked(q, nullMap, LockOptions.forUpdate(), r -> { }), IllegalArgumentException.class, "params"),
                new Case("useLocked(null options)", () -> locks.useLocked(q, Map.of(), null, r -> { }), IllegalArgumentException.class, "lock"),
                new Case("useLocked(null work)", () -> locks.useLocked(q, Map.of(), LockOptions.forUpdate(), null), IllegalArgumentException.class, "work"),
                new Case("retryOnConflict(null) with default attempts", () -> locks.retryOnConflict(null), IllegalArgumentException.class, "work"),
                new Case("LockOptions.of(null)", () -> LockOptions.forUpdate().of((String[]) null), IllegalArgumentException.class, "aliases"),
                new Case("LockOptions.of(null alias)", () -> LockOptions.forUpdate().of("u", null), IllegalArgumentException.class, "alias"),
                // locks: wrong arguments
                new Case("locks(negative backoff, …)", () -> repo.locks(Duration.ofMillis(-1), 3), IllegalArgumentException.class, "backoff"),
                new Case("locks(…, 0 attempts)", () -> repo.locks(Duration.ofMillis(1), 0), IllegalArgumentException.class, "attempts"),
                new Case("retryOnConflict(-1)", () -> locks.retryOnConflict(-1, () -> 1), IllegalArgumentException.class, "maxAttempts"),
                new Case("retryOnConflict inside a transaction", () -> repo.inTransaction(() -> locks.retryOnConflict(3, () -> 1)), IllegalTransactionStateException.class, "active transaction"),
                new Case("withLocked(lock the engine lacks)", () -> locks.withLocked(q, Map.of(), unsupported(db.engine()), r -> r), UnsupportedLockException.class, "cannot do"),
                new Case("withLocked(wait(null))", () -> locks.withLocked(q, Map.of(), LockOptions.forUpdate().wait(null), r -> r), IllegalArgumentException.class, "timeout")));
        repo.registry().table(Department.class);   // metadata read up front, not counted in a case
        long users = repo.count(q, Map.of());
        List<String> problems = new ArrayList<>();
        for (Case c : cases) {
            counting.reset();
            Throwable thrown = catchThrowable(c.call());
            if (c.noSql() && !counting.statements().isEmpty()) {
                problems.add(c.what() + ": sent " + counting.statements());
            }
            if (thrown == null) {
                problems.add(c.what() + ": nothing thrown");
            }
            else if (thrown instanceof NullPointerException || thrown instanceof SQLException || !c.expected().isInstance(thrown)
                    || thrown.getMessage() == null || !thrown.getMessage().contains(c.mentions())) {
                problems.add(c.what() + ": " + thrown.getClass().getName() + ": " + thrown.getMessage());
            }
        }
        assertThat(problems).as("%d cases", cases.size()).isEqualTo(Collections.emptyList());
        assertThat(repo.count(q, Map.of())).as("users written by a bad call").isEqualTo(users);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(CASES);
    }

    /** The number of cases, so that a case lost in an edit is noticed. */
    private static final int CASES = 143;

    /** A lock clause the engine cannot do. */
    private static LockOptions unsupported(Engine engine) {
        return switch (engine) {
            case POSTGRESQL, MARIADB, MYSQL, H2 -> LockOptions.immediate();
            case SQLITE -> LockOptions.forUpdate().nowait();
        };
    }
}
