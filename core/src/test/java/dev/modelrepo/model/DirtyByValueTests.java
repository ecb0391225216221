package dev.modelrepo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * A column is dirty when its value differs from the stored one, not because it was set: numbers compare by value
 * (1.99 equals 1.990), arrays by content; a stored model with nothing changed sends no UPDATE and fires no hook or
 * trigger.
 */
@Changelog("db/changelog/database-writes.xml")
class DirtyByValueTests {

    /** A plain row with a DECIMAL(10,3) price, counting its update hooks. */
    @Table(name = "plain_items")
    public static class PlainItem extends Model {

        int beforeUpdates;

        @Override
        protected void beforeUpdate() {
            beforeUpdates++;
        }
    }

    /** A row whose edits column a trigger counts up on every UPDATE. */
    @Table(name = "stock_items", readBack = "edits")
    public static class StockItem extends Model {
    }

    private final List<String> statements = new ArrayList<>();

    private ModelRepository repo(TestDatabase db) {
        return ModelRepository.builder(db.dataSource()).statementListener((op, model, sql) -> statements.add(op + " " + sql)).build();
    }

    private static PlainItem stored(ModelRepository repo, String price) {
        PlainItem item = repo.build(PlainItem.class, Map.of("name", "item", "price", new BigDecimal(price)));
        repo.saveOrThrow(item);
        return repo.findById(PlainItem.class, item.id()).orElseThrow();
    }

    @EngineTest
    void aNumberEqualByValueLeavesTheColumnCleanAndSendsNoUpdate(TestDatabase db) {
        ModelRepository repo = repo(db);
        PlainItem item = stored(repo, "1.99");
        item.set("price", new BigDecimal("1.990")).set("price", new BigDecimal("1.9900"));
        assertThat(item.isDirty()).isFalse();
        assertThat(item.isDirty("price")).isFalse();
        assertThat(item.dirtyColumns()).isEmpty();
        statements.clear();
        assertThat(repo.save(item)).isTrue();
        assertThat(statements).isEmpty();
        assertThat(item.beforeUpdates).isZero();
        item.set("price", 1.99).set("name", "item");
        assertThat(item.isDirty()).isFalse();
    }

    @EngineTest
    void aColumnSetBackToItsStoredValueIsCleanAgain(TestDatabase db) {
        ModelRepository repo = repo(db);
        PlainItem item = stored(repo, "2.50");
        item.set("price", new BigDecimal("3")).set("name", "renamed");
        assertThat(item.dirtyColumns()).containsExactly("name", "price");
        item.set("price", new BigDecimal("2.5"));
        assertThat(item.dirtyColumns()).containsExactly("name");
        statements.clear();
        repo.saveOrThrow(item);
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0)).startsWith("update ").containsIgnoringCase("name").doesNotContainIgnoringCase("price");
        assertThat(item.beforeUpdates).isEqualTo(1);
        // after the save the stored value is the new one
        item.set("name", "item");
        assertThat(item.isDirty("name")).isTrue();
        item.set("name", "renamed");
        assertThat(item.isDirty()).isFalse();
    }

    @EngineTest
    void bytesCompareByContent(TestDatabase db) {
        ModelRepository repo = repo(db);
        StockItem item = repo.build(StockItem.class, Map.of("name", "bytes", "payload", new byte[] {1, 2, 3}));
        repo.saveOrThrow(item);
        item.set("payload", new byte[] {1, 2, 3});
        assertThat(item.isDirty()).isFalse();
        item.set("payload", new byte[] {1, 2, 4});
        assertThat(item.dirtyColumns()).containsExactly("payload");
    }

    @EngineTest
    void nothingChangedFiresNoTrigger(TestDatabase db) {
        ModelRepository repo = repo(db);
        StockItem item = repo.build(StockItem.class, Map.of("name", "quiet", "qty", 2));
        repo.saveOrThrow(item);
        item.set("name", "quiet").set("qty", 2L);
        repo.saveOrThrow(item);
        assertThat(edits(repo, item)).isZero();
        item.set("qty", 3);
        repo.saveOrThrow(item);
        assertThat(edits(repo, item)).isEqualTo(1);
        assertThat(item.<Integer>get("edits")).isEqualTo(1);
    }

    @EngineTest
    void aNewModelWritesEveryColumnItWasGiven(TestDatabase db) {
        ModelRepository repo = repo(db);
        PlainItem item = repo.build(PlainItem.class, Map.of());
        item.set("name", null);
        assertThat(item.dirtyColumns()).containsExactly("name");
    }

    @EngineTest
    void aRollbackBringsBackTheStoredValuesDirtinessIsMeasuredAgainst(TestDatabase db) {
        ModelRepository repo = repo(db);
        PlainItem item = stored(repo, "1.00");
        item.set("price", new BigDecimal("2"));
        assertThatThrownBy(() -> repo.useTransaction(() -> {
            repo.saveOrThrow(item);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(item.dirtyColumns()).containsExactly("price");
        item.set("price", new BigDecimal("1"));
        assertThat(item.isDirty()).isFalse();
    }

    @EngineTest
    void aModelSavedAgainAndAgainMeasuresEachChangeAgainstItsLastSave(TestDatabase db) {
        ModelRepository repo = repo(db);
        PlainItem item = stored(repo, "1.00");
        item.set("price", new BigDecimal("2"));
        repo.saveOrThrow(item);
        item.set("price", new BigDecimal("3"));
        assertThat(item.dirtyColumns()).containsExactly("price");
        item.set("price", new BigDecimal("2.0"));
        assertThat(item.isDirty()).isFalse();
        item.set("price", new BigDecimal("3")).set("name", "third");
        assertThatThrownBy(() -> repo.useTransaction(() -> {
            repo.saveOrThrow(item);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(item.dirtyColumns()).containsExactly("name", "price");
        item.set("price", new BigDecimal("2"));
        assertThat(item.dirtyColumns()).containsExactly("name");
        statements.clear();
        repo.saveOrThrow(item);
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0)).containsIgnoringCase("name").doesNotContainIgnoringCase("price");
        PlainItem read = repo.findById(PlainItem.class, item.id()).orElseThrow();
        assertThat(read.<String>get("name")).isEqualTo("third");
        assertThat(read.get("price", BigDecimal.class)).isEqualByComparingTo("2");
        assertThat(item.isDirty()).isFalse();
    }

    private static int edits(ModelRepository repo, Model item) {
        return ((Number) repo.sql("SELECT edits FROM stock_items WHERE id = :id").list(Map.of("id", item.id())).get(0)
                .values().iterator().next()).intValue();
    }
}
