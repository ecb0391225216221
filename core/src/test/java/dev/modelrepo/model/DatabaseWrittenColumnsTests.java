package dev.modelrepo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;

import dev.modelrepo.query.Q;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * Columns the database writes itself (generated columns, triggers, ON UPDATE CURRENT_TIMESTAMP) are what the model
 * holds after every write, and {@code reload} re-reads a model; on every engine that has the feature.
 */
@Changelog("db/changelog/database-writes.xml")
class DatabaseWrittenColumnsTests {

    /** An item whose edits and last_update are maintained by triggers, with two generated columns. */
    @Table(name = "stock_items", version = "lock_version", readBack = {"edits", "last_update"})
    public static class StockItem extends Model {
    }

    /** The same table without readBack: generated columns are still read back. */
    @Table(name = "stock_items")
    public static class UndeclaredStockItem extends Model {
    }

    /** A row whose touched_at is ON UPDATE CURRENT_TIMESTAMP (MariaDB, MySQL, H2). */
    @Table(name = "touched_items")
    public static class TouchedItem extends Model {
    }

    private static final List<String> STATEMENTS = new ArrayList<>();

    private static ModelRepository repo(TestDatabase db) {
        return ModelRepository.builder(db.dataSource()).statementListener((op, model, sql) -> STATEMENTS.add(op + " " + sql)).build();
    }

    private static StockItem newItem(ModelRepository repo, String name, int unitCents, int qty) {
        StockItem item = repo.build(StockItem.class, Map.of("name", name, "unit_cents", unitCents, "qty", qty));
        repo.saveOrThrow(item);
        return item;
    }

    /** The row as a fresh read returns it. */
    private static Map<String, Object> fresh(ModelRepository repo, Model model) {
        return repo.findById(model.getClass(), model.id()).orElseThrow().toMap();
    }

    @EngineTest
    void generatedColumnsAreReadBackAfterInsertAndUpdate(TestDatabase db) {
        ModelRepository repo = repo(db);
        StockItem item = newItem(repo, "bolt", 25, 4);
        assertThat(item.<Integer>get("total_cents")).isEqualTo(100);
        assertThat(item.<String>get("name_upper")).isEqualTo("BOLT");
        item.set("qty", 10).set("name", "nut");
        repo.saveOrThrow(item);
        assertThat(item.<Integer>get("total_cents")).isEqualTo(250);
        assertThat(item.<String>get("name_upper")).isEqualTo("NUT");
        assertThat(item.toMap()).isEqualTo(fresh(repo, item));
    }

    @EngineTest
    void generatedColumnsAreReadBackWithoutADeclaration(TestDatabase db) {
        ModelRepository repo = repo(db);
        UndeclaredStockItem item = repo.build(UndeclaredStockItem.class, Map.of("name", "pin", "unit_cents", 3, "qty", 3));
        repo.saveOrThrow(item);
        item.set("qty", 5);
        repo.saveOrThrow(item);
        assertThat(item.<Integer>get("total_cents")).isEqualTo(15);
    }

    @EngineTest
    void settingAGeneratedColumnIsAClearErrorBeforeAnySql(TestDatabase db) {
        ModelRepository repo = repo(db);
        StockItem item = newItem(repo, "gear", 10, 1);
        assertThatThrownBy(() -> item.set("total_cents", 5))
                .isInstanceOf(ReadOnlyColumnException.class)
                .hasMessageContaining("StockItem.total_cents")
                .hasMessageContaining("generated");
        assertThat(item.isDirty()).isFalse();
        assertThatThrownBy(() -> repo.build(StockItem.class, Map.of("name", "x", "name_upper", "X")))
                .isInstanceOf(ReadOnlyColumnException.class)
                .hasMessageContaining("StockItem.name_upper");
        StockItem plain = new StockItem();
        plain.set("name", "plain").set("total_cents", 1);
        STATEMENTS.clear();
        assertThatThrownBy(() -> repo.save(plain)).isInstanceOf(ReadOnlyColumnException.class)
                .hasMessageContaining("StockItem.total_cents");
        assertThat(STATEMENTS).isEmpty();
        assertThat(plain.toMap()).containsEntry("name", "plain").containsEntry("total_cents", 1);
        ReadOnlyColumnException ex = (ReadOnlyColumnException) org.assertj.core.api.Assertions.catchThrowable(() -> item.set("TOTAL_CENTS", 1));
        assertThat(ex.modelName()).isEqualTo("StockItem");
        assertThat(ex.column()).isEqualTo("total_cents");
    }

    @EngineTest
    void bulkStatementsRefuseGeneratedColumnsAndInsertAllReadsThemBack(TestDatabase db) {
        ModelRepository repo = repo(db);
        assertThatThrownBy(() -> repo.bulk().insertBulk(StockItem.class, List.of("name", "total_cents"),
                List.of(Map.of("name", "a", "total_cents", 1)))).isInstanceOf(ReadOnlyColumnException.class)
                .hasMessageContaining("StockItem.total_cents");
        StockItem stored = newItem(repo, "stored", 2, 2);
        assertThatThrownBy(() -> repo.bulk().updateBulk(StockItem.class, List.of("name_upper"), List.of(stored)))
                .isInstanceOf(ReadOnlyColumnException.class);
        assertThatThrownBy(() -> repo.updateWhere(repo.query(StockItem.class, "s"), Map.of("total_cents", 3), Map.of()))
                .isInstanceOf(ReadOnlyColumnException.class);
        List<StockItem> items = List.of(repo.build(StockItem.class, Map.of("name", "one", "unit_cents", 7, "qty", 2)),
                repo.build(StockItem.class, Map.of("name", "two", "unit_cents", 5, "qty", 3)));
        repo.bulk().insertAll(items);
        for (StockItem item : items) {
            assertThat(item.toMap()).isEqualTo(fresh(repo, item));
        }
        assertThat(items.get(0).<Integer>get("total_cents")).isEqualTo(14);
        assertThat((Object) items.get(1).get("last_update")).isNotNull();
        assertThat(repo.bulk().insertBulk(StockItem.class, List.of("name", "qty"), List.of(Map.of("name", "b", "qty", 2)))).isEqualTo(1);
    }

    @EngineTest
    void triggerMaintainedColumnsNamedInReadBackAreReadBackAfterInsertAndUpdate(TestDatabase db) {
        ModelRepository repo = repo(db);
        StockItem item = newItem(repo, "washer", 1, 1);
        assertThat((Object) item.get("last_update")).isNotNull();
        assertThat(item.toMap()).isEqualTo(fresh(repo, item));
        LocalDateTime inserted = item.get("last_update");
        item.set("name", "spring washer");
        repo.saveOrThrow(item);
        assertThat(item.<Integer>get("edits")).isEqualTo(1);
        assertThat(item.<LocalDateTime>get("last_update")).isAfterOrEqualTo(inserted);
        assertThat(item.toMap()).isEqualTo(fresh(repo, item));
        item.set("qty", 2);
        repo.saveOrThrow(item);
        assertThat(item.<Integer>get("edits")).isEqualTo(2);
        assertThat(item.toMap()).isEqualTo(fresh(repo, item));
    }

    @EngineTest(engines = {Engine.H2, Engine.MARIADB, Engine.MYSQL})
    void onUpdateCurrentTimestampColumnsAreReadBackAfterUpdate(TestDatabase db) {
        ModelRepository repo = repo(db);
        TouchedItem item = repo.build(TouchedItem.class, Map.of("name", "first"));
        repo.saveOrThrow(item);
        assertThat((Object) item.get("touched_at")).isNotNull();
        LocalDateTime past = LocalDateTime.of(2001, 2, 3, 4, 5, 6);
        repo.sql("UPDATE touched_items SET touched_at = :t WHERE id = :id").update(Map.of("t", past, "id", item.id()));
        TouchedItem loaded = repo.findById(TouchedItem.class, item.id()).orElseThrow();
        assertThat(loaded.<LocalDateTime>get("touched_at")).isEqualTo(past);
        loaded.set("name", "second");
        repo.saveOrThrow(loaded);
        assertThat(loaded.<LocalDateTime>get("touched_at")).isAfter(past);
        assertThat(loaded.toMap()).isEqualTo(fresh(repo, loaded));
        assertThat(repo.registry().table(TouchedItem.class).column("touched_at").setOnUpdate()).isTrue();
    }

    @EngineTest
    void metadataTellsWhatTheDatabaseWrites(TestDatabase db) {
        ModelRepository repo = repo(db);
        var table = repo.registry().table(StockItem.class);
        assertThat(table.column("total_cents").generated()).isTrue();
        assertThat(table.column("name_upper").generated()).isTrue();
        assertThat(table.column("qty").generated()).isFalse();
        assertThat(table.column("id").generated()).isFalse();
        assertThat(table.column("last_update").setOnUpdate()).isFalse();
    }

    @EngineTest
    void reloadReReadsTheRowAndDiscardsUnsavedChanges(TestDatabase db) {
        ModelRepository repo = repo(db);
        StockItem item = newItem(repo, "cog", 4, 2);
        repo.sql("UPDATE stock_items SET qty = :q WHERE id = :id").update(Map.of("q", 9, "id", item.id()));
        item.set("name", "unsaved");
        StockItem same = repo.reload(item);
        assertThat(same).isSameAs(item);
        assertThat(item.isDirty()).isFalse();
        assertThat(item.<String>get("name")).isEqualTo("cog");
        assertThat(item.<Integer>get("qty")).isEqualTo(9);
        assertThat(item.<Integer>get("total_cents")).isEqualTo(36);
        assertThat(item.toMap()).isEqualTo(fresh(repo, item));

        assertThatThrownBy(() -> repo.reload(repo.build(StockItem.class, Map.of("name", "new"))))
                .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("never saved");
        repo.sql("DELETE FROM stock_items WHERE id = :id").update(Map.of("id", item.id()));
        assertThatThrownBy(() -> repo.reload(item)).isInstanceOf(EmptyResultDataAccessException.class)
                .hasMessageContaining("StockItem id=" + item.id());
        StockItem destroyed = newItem(repo, "gone", 1, 1);
        repo.destroy(destroyed);
        assertThatThrownBy(() -> repo.reload(destroyed)).isInstanceOf(FrozenModelException.class);
    }

    @EngineTest
    void anOptimisticConflictSaysToReloadAndReloadResolvesIt(TestDatabase db) {
        ModelRepository repo = repo(db);
        StockItem item = newItem(repo, "axle", 1, 1);
        StockItem other = repo.findById(StockItem.class, item.id()).orElseThrow();
        other.set("qty", 3);
        repo.saveOrThrow(other);
        item.set("qty", 4);
        assertThatThrownBy(() -> repo.saveOrThrow(item)).isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessageContaining("repo.reload(model)");
        repo.reload(item);
        assertThat(item.<Integer>get("qty")).isEqualTo(3);
        item.set("qty", 4);
        repo.saveOrThrow(item);
        assertThat(repo.count(repo.query(StockItem.class, "s").where(Q.eq("s.qty", 4)), Map.of())).isEqualTo(1);
    }
}
