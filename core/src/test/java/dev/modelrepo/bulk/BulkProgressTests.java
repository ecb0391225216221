package dev.modelrepo.bulk;

import static dev.modelrepo.bulk.BulkFixtures.*;
import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.transaction.annotation.Propagation;

import dev.modelrepo.fixtures.User;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * {@code BulkOptions.progress(listener)}: told after each chunk of every bulk call, with counts that only grow and end
 * at the total; a listener that throws aborts the call and nothing it wrote is kept (the models given included).
 */
@Changelog("db/changelog/test-schema.xml")
class BulkProgressTests {

    static final int ROWS = 25;

    /** Records what a listener is told. */
    static final class Recorder implements ProgressListener {
        final List<BulkProgress> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onProgress(BulkProgress progress) {
            seen.add(progress);
        }

        /** Strictly increasing counts, non-decreasing times, every report with the total, the last one at it. */
        void assertCompleted(String operation, long total, int atLeast) {
            assertThat(seen).as(operation + " " + seen).hasSizeGreaterThanOrEqualTo(atLeast);
            for (int i = 0; i < seen.size(); i++) {
                BulkProgress p = seen.get(i);
                assertThat(p.operation()).isEqualTo(operation);
                assertThat(p.total()).isEqualTo(total);
                if (i > 0) {
                    assertThat(p.done()).as(seen.toString()).isGreaterThan(seen.get(i - 1).done());
                    assertThat(p.elapsed()).isGreaterThanOrEqualTo(seen.get(i - 1).elapsed());
                }
            }
            assertThat(seen.get(seen.size() - 1).done()).isEqualTo(total);
            seen.clear();
        }
    }

    private static List<Map<String, Object>> rows(String tag) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(user(tag + "-" + i, tag + i + "@x.test", i));
        }
        return rows;
    }

    private static ModelQuery<User> tagged(String tag) {
        return ModelQuery.from(User.class, "u").where(startsWith("u.name", tag)).orderBy(asc("u.age"));
    }

    @EngineTest
    void everyFastPathReportsEachChunkUpToTheTotal(TestDatabase db) {
        ModelRepository repo = repo(db);
        String tag = tag();
        Recorder recorder = new Recorder();
        BulkOptions options = BulkOptions.defaults().batchSize(10).progress(recorder);

        assertThat(repo.bulk().insertBulk(User.class, List.of("name", "email", "age"), rows(tag), options)).isEqualTo(ROWS);
        // PostgreSQL's COPY hands every row over in one statement: one report, at its end
        recorder.assertCompleted("insertBulk of User", ROWS, db.engine() == Engine.POSTGRESQL ? 1 : 3);

        List<User> users = repo.list(tagged(tag), Map.of());
        users.forEach(u -> u.set("age", u.get("age", Integer.class) + 100));
        repo.bulk().updateBulk(User.class, List.of("age"), users, options);
        recorder.assertCompleted("updateBulk of User", ROWS, 3);

        List<Map<String, Object>> upserts = rows(tag);
        repo.bulk().upsertBulk(User.class, List.of("email", "name", "age"), upserts, List.of("email"), options);
        recorder.assertCompleted("upsertBulk of User", ROWS, 3);

        assertThat(repo.bulk().deleteBulk(User.class, repo.list(tagged(tag), Map.of()), options)).isEqualTo(ROWS);
        recorder.assertCompleted("deleteBulk of User", ROWS, 3);
    }

    @EngineTest
    void theModelPathsReportToo(TestDatabase db) {
        ModelRepository repo = repo(db);
        String tag = tag();
        Recorder recorder = new Recorder();
        BulkOptions options = BulkOptions.defaults().batchSize(10).progress(recorder);
        List<User> users = new ArrayList<>();
        for (Map<String, Object> row : rows(tag)) {
            users.add(repo.build(User.class, row));
        }
        repo.bulk().insertAll(users, options);
        recorder.assertCompleted("insertAll of User", ROWS, 3);
        users.forEach(u -> u.set("age", 7));
        repo.bulk().updateAll(users, options);
        recorder.assertCompleted("updateAll of User", ROWS, 3);
        repo.bulk().deleteAll(users, dev.modelrepo.model.Cascade.NONE, options);
        recorder.assertCompleted("deleteAll of User", ROWS, 3);
    }

    @EngineTest
    void skippedElementsCountAsHandledSoTheLastReportIsTheTotal(TestDatabase db) {
        ModelRepository repo = repo(db);
        String tag = tag();
        Recorder recorder = new Recorder();
        List<Map<String, Object>> rows = rows(tag);
        rows.get(ROWS - 1).put("age", "not a number");
        int n = repo.bulk().insertBulk(User.class, List.of("name", "email", "age"), rows,
                BulkOptions.defaults().batchSize(10).onTypeMismatch(TypeMismatch.SKIP).progress(recorder));
        assertThat(n).isEqualTo(ROWS - 1);
        recorder.assertCompleted("insertBulk of User", ROWS, 1);
    }

    @EngineTest
    void aListenerThatThrowsAbortsTheCallAndNothingItWroteIsKept(TestDatabase db) throws Exception {
        ModelRepository repo = repo(db);
        String tag = tag();
        ProgressListener failing = p -> {
            if (p.done() >= 10) {
                throw new IllegalStateException("stop here");
            }
        };
        BulkOptions options = BulkOptions.defaults().batchSize(10).progress(failing);
        assertThatThrownBy(() -> repo.bulk().insertBulk(User.class, List.of("name", "email", "age"), rows(tag), options))
                .isInstanceOfSatisfying(BulkAbortedException.class, ex -> assertThat(ex.done()).isGreaterThanOrEqualTo(10))
                .hasMessageContaining("insertBulk of User was aborted by its progress listener after")
                .hasMessageContaining("stop here").hasMessageContaining("its transaction rolls back")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(count(db, "name LIKE '" + tag + "%'")).isZero();

        List<User> users = new ArrayList<>();
        for (Map<String, Object> row : rows(tag)) {
            users.add(repo.build(User.class, row));
        }
        assertThatThrownBy(() -> repo.bulk().insertAll(users, options)).isInstanceOf(BulkAbortedException.class);
        assertThat(count(db, "name LIKE '" + tag + "%'")).isZero();
        assertThat(users).allSatisfy(u -> {
            assertThat(u.isNew()).isTrue();
            assertThat(u.id()).isNull();
        });
    }

    @EngineTest
    void withoutATransactionTheChunksBeforeTheAbortStayAndTheMessageSaysSo(TestDatabase db) throws Exception {
        ModelRepository repo = repo(db);
        String tag = tag();
        repo.bulk().insertBulk(User.class, List.of("name", "email", "age"), rows(tag));
        ProgressListener failing = p -> {
            if (p.done() >= 20) {
                throw new IllegalStateException("stop");
            }
        };
        BulkOptions options = BulkOptions.defaults().batchSize(10).propagation(Propagation.NOT_SUPPORTED).progress(failing);
        assertThatThrownBy(() -> repo.bulk().deleteBulk(User.class, repo.list(tagged(tag), Map.of()), options))
                .isInstanceOf(BulkAbortedException.class).hasMessageContaining("after 20 of 25 elements")
                .hasMessageContaining("the chunks written before stay");
        assertThat(count(db, "name LIKE '" + tag + "%'")).isEqualTo(ROWS - 20);
    }

    @EngineTest
    void forEachBatchReportsTheRowsHandledSoFar(TestDatabase db) {
        ModelRepository repo = repo(db);
        String tag = tag();
        repo.bulk().insertBulk(User.class, List.of("name", "email", "age"), rows(tag));
        Recorder recorder = new Recorder();
        List<Integer> sizes = new ArrayList<>();
        repo.forEachBatch(tagged(tag), Map.of(), 10, recorder.eachBatch(batch -> sizes.add(batch.size())));
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(recorder.seen).extracting(BulkProgress::done).containsExactly(10L, 20L, 25L);
        assertThat(recorder.seen).allSatisfy(p -> assertThat(p.totalKnown()).isFalse());

        List<Long> nativeDone = new ArrayList<>();
        ProgressListener collect = p -> nativeDone.add(p.done());
        repo.sql("SELECT id FROM users WHERE name LIKE :tag").forEachBatch(Map.of("tag", tag + "%"), 20, collect.eachBatch(batch -> { }));
        assertThat(nativeDone).containsExactly(20L, 25L);

        ProgressListener failing = p -> {
            throw new IllegalStateException("enough");
        };
        assertThatThrownBy(() -> repo.forEachBatch(tagged(tag), Map.of(), 10, failing.eachBatch(batch -> { })))
                .isInstanceOf(IllegalStateException.class).hasMessage("enough");
    }
}
