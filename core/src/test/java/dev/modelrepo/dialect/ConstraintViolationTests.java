package dev.modelrepo.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.schema.ConstraintColumns;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** Each engine's constraint errors read as the kind, name, table and columns of the constraint, never as its text. */
class ConstraintViolationTests {

    /** A parent with a unique code. */
    @Table(name = "cv_parents")
    public static class Parent extends Model {
    }

    /** A child with a foreign key, a NOT NULL column and a CHECK. */
    @Table(name = "cv_children")
    public static class Child extends Model {
    }

    private static ModelRepository setUp(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS cv_children");
            s.execute("DROP TABLE IF EXISTS cv_parents");
            s.execute("CREATE TABLE cv_parents (id INTEGER PRIMARY KEY, code VARCHAR(20) NOT NULL, region VARCHAR(20),"
                    + " CONSTRAINT cv_parents_code_key UNIQUE (code, region))");
            s.execute("CREATE TABLE cv_children (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL, qty INTEGER,"
                    + " CONSTRAINT cv_children_parent_fk FOREIGN KEY (parent_id) REFERENCES cv_parents (id),"
                    + " CONSTRAINT cv_children_qty_check CHECK (qty >= 0))");
        }
        ModelRepository repo = ModelRepository.create(db.dataSource());
        repo.saveOrThrow(repo.build(Parent.class, Map.of("id", 1, "code", "a", "region", "eu")));
        return repo;
    }

    private static ConstraintViolation violation(ModelRepository repo, Runnable write) {
        Throwable error = catchThrowable(write::run);
        assertThat(error).isInstanceOf(DataIntegrityViolationException.class);
        ConstraintViolation violation = repo.dialect().constraintViolation(error);
        assertThat(violation).as("%s", error).isNotNull();
        return violation;
    }

    @EngineTest
    void aUniqueViolationNamesItsConstraintAndColumns(TestDatabase db) throws Exception {
        ModelRepository repo = setUp(db);
        Throwable duplicate = catchThrowable(() -> repo.saveOrThrow(repo.build(Parent.class, Map.of("id", 2, "code", "a", "region", "eu"))));
        assertThat(duplicate).isInstanceOf(DuplicateKeyException.class);
        ConstraintViolation v = repo.dialect().constraintViolation(duplicate);
        assertThat(v.type()).isEqualTo(ConstraintViolation.Type.UNIQUE);
        if (db.engine() == Engine.SQLITE) {
            // SQLite names table.columns, not the constraint
            assertThat(v.constraint()).isNull();
            assertThat(v.table()).isEqualTo("cv_parents");
            assertThat(v.columns()).containsExactly("code", "region");
            return;
        }
        assertThat(v.constraint().toLowerCase(Locale.ROOT)).isEqualTo("cv_parents_code_key");
        List<String> columns = v.columns();
        if (columns.isEmpty()) {
            // MySQL/MariaDB name the key only: its columns come from the metadata
            try (Connection c = db.dataSource().getConnection()) {
                columns = new ConstraintColumns(repo.dialect()).of(c, repo.registry().table(Parent.class), v.constraint());
            }
        }
        assertThat(columns).containsExactly("code", "region");
        if (db.engine() == Engine.POSTGRESQL || db.engine() == Engine.H2) {
            assertThat(v.table()).isEqualTo("cv_parents");
        }
    }

    @EngineTest
    void theMetadataGivesAUniqueOrForeignKeysColumnsByName(TestDatabase db) throws Exception {
        ModelRepository repo = setUp(db);
        if (db.engine() == Engine.SQLITE || db.engine() == Engine.H2) {
            return; // their errors name the columns themselves (and SQLite's constraints have no names in the metadata)
        }
        try (Connection c = db.dataSource().getConnection()) {
            ConstraintColumns columns = new ConstraintColumns(repo.dialect());
            assertThat(columns.of(c, repo.registry().table(Parent.class), "cv_parents_code_key")).containsExactly("code", "region");
            assertThat(columns.of(c, repo.registry().table(Child.class), "cv_children_parent_fk")).containsExactly("parent_id");
            assertThat(columns.of(c, repo.registry().table(Child.class), "no_such_constraint")).isEmpty();
        }
    }

    @EngineTest
    void aForeignKeyViolationIsOneWhicheverSideBrokeIt(TestDatabase db) throws Exception {
        ModelRepository repo = setUp(db);
        ConstraintViolation missing = violation(repo, () -> repo.saveOrThrow(repo.build(Child.class, Map.of("id", 1, "parent_id", 99))));
        assertThat(missing.type()).isEqualTo(ConstraintViolation.Type.FOREIGN_KEY);
        repo.saveOrThrow(repo.build(Child.class, Map.of("id", 2, "parent_id", 1)));
        ConstraintViolation referenced = violation(repo, () -> repo.destroy(repo.getById(Parent.class, 1)));
        assertThat(referenced.type()).isEqualTo(ConstraintViolation.Type.FOREIGN_KEY);
        if (db.engine() != Engine.SQLITE) {
            // SQLite says "FOREIGN KEY constraint failed", nothing more
            for (ConstraintViolation v : List.of(missing, referenced)) {
                assertThat(v.constraint().toLowerCase(Locale.ROOT)).isEqualTo("cv_children_parent_fk");
                assertThat(v.table()).isEqualTo("cv_children");
            }
        }
        if (db.engine() == Engine.H2 || db.engine() == Engine.MARIADB || db.engine() == Engine.MYSQL) {
            assertThat(missing.columns()).containsExactly("parent_id");
        }
    }

    @EngineTest
    void aMissingValueNamesItsColumn(TestDatabase db) throws Exception {
        ModelRepository repo = setUp(db);
        ConstraintViolation v = violation(repo, () -> repo.sql("INSERT INTO cv_children (id, qty) VALUES (5, 1)").update(Map.of()));
        assertThat(v.type()).isEqualTo(ConstraintViolation.Type.NOT_NULL);
        assertThat(v.columns()).containsExactly("parent_id");
    }

    @EngineTest
    void aCheckViolationNamesItsConstraint(TestDatabase db) throws Exception {
        ModelRepository repo = setUp(db);
        ConstraintViolation v = violation(repo, () -> repo.saveOrThrow(repo.build(Child.class, Map.of("id", 3, "parent_id", 1, "qty", -1))));
        assertThat(v.type()).isEqualTo(ConstraintViolation.Type.CHECK);
        assertThat(v.constraint().toLowerCase(Locale.ROOT)).isEqualTo("cv_children_qty_check");
    }

    @EngineTest
    void otherErrorsAreNoViolation(TestDatabase db) throws Exception {
        ModelRepository repo = setUp(db);
        Throwable error = catchThrowable(() -> repo.sql("SELECT nope FROM cv_parents").list(Map.of()));
        assertThat(error).isNotNull();
        assertThat(repo.dialect().constraintViolation(error)).isNull();
    }
}
