package dev.modelrepo.tx;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.assertj.core.api.SoftAssertions;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.DefaultTransactionStatus;

import dev.modelrepo.bulk.BulkOperations;
import dev.modelrepo.bulk.BulkOptions;
import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.model.Cascade;
import dev.modelrepo.model.Model;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * Every write method of the repository and of the bulk operations, run in a transaction that rolls back and in a
 * savepoint that rolls back, leaves its models exactly as they were (id, new-ness, values, dirty flags, version,
 * frozen), and the same call made again afterwards succeeds and stores the right rows.
 */
@Changelog("db/changelog/test-schema.xml")
class RollbackMatrixTests {

    /** Thrown by the work to roll its scope back. */
    static final class Rollback extends RuntimeException {
        Rollback() {
            super("roll back", null, false, false);
        }
    }

    /** What a test looks at in a model, all of which a rollback must bring back. */
    record State(Object id, boolean isNew, Map<String, Object> values, Set<String> dirty, Object version, boolean frozen) {
        static State of(Model model) {
            Map<String, Object> values = model.toMap();
            return new State(model.id(), model.isNew(), values, new LinkedHashSet<>(model.dirtyColumns()), values.get("lock_version"),
                    model.isFrozen());
        }
    }

    /**
     * One write method: {@code setup} stores what the call needs (committed) and returns the models given to it, in
     * the state the call finds them; {@code call} is the write; {@code check} proves, after a successful retry, that the
     * database holds what the models say. Every method but {@code save} runs in a transaction of its own when the
     * caller has none.
     */
    record Case(String name, Function<Fixture, List<Model>> setup, BiConsumer<ModelRepository, List<Model>> call, Check check,
            boolean opensTransaction) {
        Case(String name, Function<Fixture, List<Model>> setup, BiConsumer<ModelRepository, List<Model>> call, Check check) {
            this(name, setup, call, check, !name.startsWith("save"));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Check {
        void verify(Fixture fixture, List<Model> models, SoftAssertions softly);
    }

    /** The repository and a tag that keeps the rows of one case apart from the others'. */
    record Fixture(ModelRepository repo, String tag) {
        User newUser(int i) {
            return repo.build(User.class, Map.of("name", tag + "-u" + i, "email", tag + "-u" + i + "@x.test", "age", 20 + i));
        }

        /** A user made with a plain {@code new}: the model knows its table only once written. */
        User plainUser(int i) {
            User user = new User();
            user.set("name", tag + "-p" + i).set("email", tag + "-p" + i + "@x.test");
            return user;
        }

        /** A stored user with a changed age (dirty), at version 0. */
        User changedUser(int i) {
            User user = newUser(i);
            repo.save(user);
            user.set("age", 60 + i);
            return user;
        }

        User storedUser(int i) {
            User user = newUser(i);
            repo.save(user);
            return user;
        }

        /** A stored company with two departments of two employees each. */
        Company company(int i) {
            Company company = repo.build(Company.class, Map.of("name", tag + "-c" + i));
            repo.save(company);
            for (int d = 0; d < 2; d++) {
                Department department = repo.build(Department.class, Map.of("name", tag + "-c" + i + "d" + d, "company_id", company.id()));
                repo.save(department);
                for (int e = 0; e < 2; e++) {
                    repo.save(repo.build(Employee.class, Map.of("name", tag + "-c" + i + "d" + d + "e" + e, "department_id", department.id())));
                }
            }
            return company;
        }

        BulkOperations bulk() {
            return repo.bulk();
        }
    }

    private static final List<String> USER_COLUMNS = List.of("name", "email", "age");

    /** The table: every write method that changes (or may change) the state of the models it is given. */
    static final List<Case> CASES = List.of(
            new Case("save (insert)", f -> List.of(f.newUser(1), f.plainUser(2)),
                    (repo, models) -> models.forEach(repo::save), RollbackMatrixTests::storedAsTheModelsSay),
            new Case("save (update)", f -> List.of(f.changedUser(1), f.changedUser(2)),
                    (repo, models) -> models.forEach(repo::save), RollbackMatrixTests::storedAsTheModelsSay),
            new Case("saveOrThrow (insert)", f -> List.of(f.newUser(1), f.plainUser(2)),
                    (repo, models) -> models.forEach(repo::saveOrThrow), RollbackMatrixTests::storedAsTheModelsSay),
            new Case("saveOrThrow (update)", f -> List.of(f.changedUser(1)),
                    (repo, models) -> models.forEach(repo::saveOrThrow), RollbackMatrixTests::storedAsTheModelsSay),
            new Case("destroy", f -> List.of(f.storedUser(1), f.storedUser(2)),
                    (repo, models) -> models.forEach(repo::destroy), RollbackMatrixTests::goneAndFrozen),
            new Case("destroy (cascade)", f -> List.of(f.company(1)),
                    (repo, models) -> repo.destroy(models.get(0), Cascade.ALL), RollbackMatrixTests::companiesGoneWithTheirChildren),
            new Case("destroy(list)", f -> List.of(f.storedUser(1), f.storedUser(2), f.storedUser(3)),
                    (repo, models) -> repo.destroy(models, Cascade.NONE), RollbackMatrixTests::goneAndFrozen),
            new Case("destroy(list, cascade)", f -> List.of(f.company(1), f.company(2)),
                    (repo, models) -> repo.destroy(models, Cascade.ALL), RollbackMatrixTests::companiesGoneWithTheirChildren),
            new Case("insertAll", f -> List.of(f.newUser(1), f.newUser(2), f.plainUser(3)),
                    (repo, models) -> repo.bulk().insertAll(models), RollbackMatrixTests::storedAsTheModelsSay),
            new Case("updateAll", f -> List.of(f.changedUser(1), f.changedUser(2), f.storedUser(3)),
                    (repo, models) -> repo.bulk().updateAll(models), RollbackMatrixTests::storedAsTheModelsSay),
            new Case("deleteAll", f -> List.of(f.storedUser(1), f.storedUser(2)),
                    (repo, models) -> repo.bulk().deleteAll(models), RollbackMatrixTests::goneAndFrozen),
            new Case("deleteAll (cascade)", f -> List.of(f.company(1), f.company(2)),
                    (repo, models) -> repo.bulk().deleteAll(models, Cascade.ALL), RollbackMatrixTests::companiesGoneWithTheirChildren),
            new Case("insertBulk of models", f -> List.of(f.newUser(1), f.newUser(2)),
                    (repo, models) -> repo.bulk().insertBulk(User.class, USER_COLUMNS, models), RollbackMatrixTests::rowsHoldTheModelsValues),
            new Case("updateBulk of models", f -> List.of(f.changedUser(1), f.changedUser(2)),
                    (repo, models) -> repo.bulk().updateBulk(User.class, List.of("age"), models), RollbackMatrixTests::updatedInBulk),
            new Case("deleteBulk of models", f -> List.of(f.storedUser(1), f.storedUser(2)),
                    (repo, models) -> repo.bulk().deleteBulk(User.class, models), RollbackMatrixTests::goneAndFrozen),
            new Case("upsertBulk of models", f -> List.of(f.newUser(1), f.changedUser(2)),
                    (repo, models) -> repo.bulk().upsertBulk(User.class, USER_COLUMNS, models, List.of("email")),
                    RollbackMatrixTests::rowsHoldTheModelsValues),
            new Case("upsert of a model", f -> List.of(f.newUser(1)),
                    (repo, models) -> repo.bulk().upsert(models.get(0), List.of("email")), RollbackMatrixTests::storedAsTheModelsSay));

    // ------------------------------------------------------------ the ways a write's scope rolls back

    @EngineTest
    void aTransactionThatRollsBackLeavesEveryModelAsItWas(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        matrix(repo, "after the rollback", c -> true, (c, call, unchanged) -> assertThatThrownBy(() -> repo.useTransaction(() -> {
            call.run();
            throw new Rollback();
        })).as(c.name()).isInstanceOf(Rollback.class));
    }

    @EngineTest
    void aSavepointThatRollsBackLeavesEveryModelAsItWas(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        matrix(repo, "after the savepoint's rollback and the outer commit", c -> true, (c, call, unchanged) -> repo.useTransaction(() -> {
            assertThatThrownBy(() -> repo.useTransaction(() -> {
                call.run();
                throw new Rollback();
            })).as(c.name()).isInstanceOf(Rollback.class);
            unchanged.run();   // inside the outer transaction too
        }));
    }

    @EngineTest
    void anOwnTransactionThatRollsBackLeavesEveryModelAsItWas(TestDatabase db) {
        RefusingCommits transactions = new RefusingCommits(db.dataSource());
        ModelRepository repo = ModelRepository.builder(db.dataSource()).transactionManager(transactions).build();
        // a save outside a transaction commits each statement by itself: nothing to roll back
        matrix(repo, "after their own transaction rolled back", Case::opensTransaction, (c, call, unchanged) -> {
            transactions.refusing = true;
            try {
                assertThatThrownBy(call::run).as(c.name()).isInstanceOf(TransactionSystemException.class).hasMessageContaining("refused");
            }
            finally {
                transactions.refusing = false;
            }
        });
    }

    /** Makes the call in a scope that rolls back; may check the models meanwhile with {@code unchanged}. */
    @FunctionalInterface
    interface RollingBack {
        void run(Case c, Runnable call, Runnable unchanged);
    }

    /**
     * For each case that applies: its call, rolled back by {@code rollingBack}, must leave the models as they were,
     * and the same call made again must succeed and store what they say.
     */
    private static void matrix(ModelRepository repo, String after, Predicate<Case> applies, RollingBack rollingBack) {
        SoftAssertions softly = new SoftAssertions();
        for (Case c : CASES) {
            if (!applies.test(c)) {
                continue;
            }
            Fixture fixture = new Fixture(repo, tag());
            List<Model> models = c.setup().apply(fixture);
            List<State> before = states(models);
            Runnable unchanged = () -> softly.assertThat(states(models)).as("%s: models %s", c, after).isEqualTo(before);
            rollingBack.run(c, () -> c.call().accept(repo, models), unchanged);
            unchanged.run();
            retry(c, fixture, models, softly);
        }
        softly.assertAll();
    }

    private static List<State> states(List<? extends Model> models) {
        return models.stream().map(State::of).toList();
    }

    /** Commits fail while {@code refusing} is set, and the transaction is rolled back instead. */
    static final class RefusingCommits extends JdbcTransactionManager {

        volatile boolean refusing;

        RefusingCommits(DataSource dataSource) {
            super(dataSource);
            setRollbackOnCommitFailure(true);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            if (refusing) {
                throw new TransactionSystemException("commit refused by the test");
            }
            super.doCommit(status);
        }
    }

    @EngineTest
    void aSavepointRollbackGivesBackTheStateAtTheSavepointNotAnEarlierOne(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        Fixture f = new Fixture(repo, tag());
        List<User> all = List.of(f.changedUser(1), f.changedUser(2));
        List<User> fast = List.of(f.changedUser(3), f.changedUser(4));
        repo.useTransaction(() -> {
            repo.bulk().updateAll(all);
            repo.bulk().updateBulk(User.class, List.of("age"), fast);
            all.forEach(u -> u.set("name", u.get("name") + "-second"));
            fast.forEach(u -> u.set("age", 90));
            List<State> atSavepoint = states(Stream.concat(all.stream(), fast.stream()).toList());
            assertThatThrownBy(() -> repo.useTransaction(() -> {
                repo.bulk().updateAll(all);
                repo.bulk().updateBulk(User.class, List.of("age"), fast);
                throw new Rollback();
            })).isInstanceOf(Rollback.class);
            assertThat(states(Stream.concat(all.stream(), fast.stream()).toList())).isEqualTo(atSavepoint);
            repo.bulk().updateAll(all);
            repo.bulk().updateBulk(User.class, List.of("age"), fast);
        });
        for (User u : all) {
            User row = repo.findById(User.class, u.id()).orElseThrow();
            assertThat(row.<String>get("name")).endsWith("-second");
            assertThat(row.<Object>get("lock_version")).isEqualTo(2).isEqualTo(u.get("lock_version"));
        }
        for (User u : fast) {
            User row = repo.findById(User.class, u.id()).orElseThrow();
            assertThat(row.<Object>get("age")).isEqualTo(90);
            assertThat(row.<Object>get("lock_version")).isEqualTo(2).isEqualTo(u.get("lock_version"));
        }
    }

    @EngineTest
    void withoutATransactionOnlyTheModelsNotWrittenForGoodGoBack(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        BulkOptions none = BulkOptions.defaults().propagation(Propagation.NOT_SUPPORTED).batchSize(2);
        Fixture f = new Fixture(repo, tag());
        // insertAll: the last row fails on a duplicate email; the rows of the statements before stay (per row or per
        // chunk of two, by engine), and their models stay stored; the others are new again
        List<User> inserted = new ArrayList<>(List.of(f.newUser(1), f.newUser(2), f.newUser(3)));
        User duplicate = f.newUser(4);
        duplicate.set("email", inserted.get(0).get("email"));
        inserted.add(duplicate);
        assertThatThrownBy(() -> repo.bulk().insertAll(inserted, none)).isInstanceOf(DataAccessException.class);
        assertThat(inserted.subList(0, 2)).allMatch(u -> !u.isNew());
        assertThat(duplicate.isNew()).isTrue();
        for (User u : inserted) {
            long rows = repo.count(ModelQuery.from(User.class, "u").where(eq("u.name", u.get("name"))), Map.of());
            assertThat(rows).as("rows of %s", u).isEqualTo(u.isNew() ? 0 : 1);
            assertThat(u.id() == null).as("%s has no key", u).isEqualTo(u.isNew());
        }
        // updateAll: the third model is stale; the first two are written for good
        List<User> updated = List.of(f.changedUser(5), f.changedUser(6), f.changedUser(7), f.changedUser(8));
        repo.sql("UPDATE users SET lock_version = 5 WHERE id = :id").update(Map.of("id", updated.get(2).id()));
        List<State> staleBefore = states(updated.subList(2, 4));
        assertThatThrownBy(() -> repo.bulk().updateAll(updated, none)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(updated.subList(0, 2)).allSatisfy(u -> {
            assertThat(u.<Object>get("lock_version")).isEqualTo(1);
            assertThat(u.dirtyColumns()).isEmpty();
            assertThat(repo.findById(User.class, u.id()).orElseThrow().<Object>get("age")).isEqualTo(u.get("age"));
        });
        assertThat(states(updated.subList(2, 4))).isEqualTo(staleBefore);
        // deleteAll: the third model is stale; the first two are gone for good, and frozen
        List<User> deleted = List.of(f.storedUser(9), f.storedUser(10), f.storedUser(11));
        repo.sql("UPDATE users SET lock_version = 5 WHERE id = :id").update(Map.of("id", deleted.get(2).id()));
        assertThatThrownBy(() -> repo.bulk().deleteAll(deleted, Cascade.NONE, none)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(deleted.subList(0, 2)).allSatisfy(u -> {
            assertThat(u.isFrozen()).isTrue();
            assertThat(repo.findById(User.class, u.id())).isEmpty();
        });
        assertThat(deleted.get(2).isFrozen()).isFalse();
        // updateBulk: the second chunk is stale; the first chunk's models carry the version their rows have
        List<User> versioned = List.of(f.changedUser(12), f.changedUser(13), f.changedUser(14));
        repo.sql("UPDATE users SET lock_version = 5 WHERE id = :id").update(Map.of("id", versioned.get(2).id()));
        assertThatThrownBy(() -> repo.bulk().updateBulk(User.class, List.of("age"), versioned, none))
                .isInstanceOf(OptimisticLockingFailureException.class);
        for (User u : versioned.subList(0, 2)) {
            assertThat(u.<Object>get("lock_version")).isEqualTo(1)
                    .isEqualTo(repo.findById(User.class, u.id()).orElseThrow().get("lock_version"));
        }
        assertThat(versioned.get(2).<Object>get("lock_version")).isEqualTo(0);
    }

    /** The same call again, outside any transaction: it must succeed and store what the models say. */
    private static void retry(Case c, Fixture fixture, List<Model> models, SoftAssertions softly) {
        try {
            c.call().accept(fixture.repo(), models);
        }
        catch (RuntimeException ex) {
            softly.fail("%s: the retry after the rollback failed: %s", c, ex);
            return;
        }
        c.check().verify(fixture, models, softly);
    }

    // ------------------------------------------------------------ what the database must hold after the retry

    /** Each model is stored, and its row holds the model's values. */
    private static void storedAsTheModelsSay(Fixture f, List<Model> models, SoftAssertions softly) {
        for (Model model : models) {
            softly.assertThat(model.isNew()).as("%s stored", model).isFalse();
            softly.assertThat(model.dirtyColumns()).as("%s clean", model).isEmpty();
            Model row = f.repo().findById(model.getClass(), model.id()).orElse(null);
            softly.assertThat(row).as("row of %s", model).isNotNull();
            if (row != null) {
                for (String column : List.of("name", "email", "age", "lock_version")) {
                    softly.assertThat(row.<Object>get(column)).as("%s of %s", column, model).isEqualTo(model.get(column));
                }
            }
        }
        softly.assertThat(userRows(f)).as("rows of %s", f.tag()).isEqualTo(models.size());
    }

    /** The rows of the models' keys are gone and the models frozen. */
    private static void goneAndFrozen(Fixture f, List<Model> models, SoftAssertions softly) {
        for (Model model : models) {
            softly.assertThat(model.isFrozen()).as("%s frozen", model).isTrue();
            softly.assertThat(f.repo().findById(model.getClass(), model.id())).as("row of %s", model).isEmpty();
        }
        softly.assertThat(userRows(f)).as("rows of %s", f.tag()).isZero();
    }

    private static void companiesGoneWithTheirChildren(Fixture f, List<Model> models, SoftAssertions softly) {
        for (Model model : models) {
            softly.assertThat(model.isFrozen()).as("%s frozen", model).isTrue();
            softly.assertThat(f.repo().findById(Company.class, model.id())).as("row of %s", model).isEmpty();
        }
        softly.assertThat(f.repo().count(ModelQuery.from(Department.class, "d").where(startsWith("d.name", f.tag())), Map.of()))
                .as("departments of %s", f.tag()).isZero();
        softly.assertThat(f.repo().count(ModelQuery.from(Employee.class, "e").where(startsWith("e.name", f.tag())), Map.of()))
                .as("employees of %s", f.tag()).isZero();
    }

    /** The fast path reads nothing back: one row per model, by email, holding the model's values. */
    private static void rowsHoldTheModelsValues(Fixture f, List<Model> models, SoftAssertions softly) {
        for (Model model : models) {
            List<User> rows = f.repo().list(ModelQuery.from(User.class, "u").where(eq("u.email", model.get("email"))), Map.of());
            softly.assertThat(rows).as("rows of %s", model).hasSize(1);
            if (rows.size() == 1) {
                for (String column : USER_COLUMNS) {
                    softly.assertThat(rows.get(0).<Object>get(column)).as("%s of %s", column, model).isEqualTo(model.get(column));
                }
            }
        }
    }

    /** Each row has the model's age and the version the model now carries, one above the one it had. */
    private static void updatedInBulk(Fixture f, List<Model> models, SoftAssertions softly) {
        for (Model model : models) {
            softly.assertThat(model.<Object>get("lock_version")).as("version of %s", model).isEqualTo(1);
            Model row = f.repo().findById(User.class, model.id()).orElseThrow();
            softly.assertThat(row.<Object>get("age")).as("age of %s", model).isEqualTo(model.get("age"));
            softly.assertThat(row.<Object>get("lock_version")).as("stored version of %s", model).isEqualTo(1);
        }
    }

    private static long userRows(Fixture f) {
        return f.repo().count(ModelQuery.from(User.class, "u").where(startsWith("u.name", f.tag())), Map.of());
    }

    private static String tag() {
        return "rb" + UUID.randomUUID().toString().substring(0, 8);
    }
}
