package dev.modelrepo.benchmarks.peers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.model.BelongsTo;
import dev.modelrepo.model.HasMany;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/**
 * The tables of the growth benchmarks, on one engine: {@code growth_items} ({@value #ITEMS} rows of a key and a number,
 * for IN lists), {@code growth_parents} ({@value #PARENTS} rows) and {@code growth_children} ({@value #CHILDREN_PER_PARENT}
 * per parent, indexed by {@code parent_id}, for includes). Filled server-side ({@code SYSTEM_RANGE}, {@code
 * generate_series}); on PostgreSQL they are kept across forks when complete (peers.sh drops the database at the end).
 */
final class GrowthTables {

    static final int ITEMS = 1_000_000;

    static final int PARENTS = 100_000;

    static final int CHILDREN_PER_PARENT = 2;

    private GrowthTables() {
    }

    /** A pool on a fresh (H2) or the shared (PostgreSQL) benchmark database. */
    static HikariDataSource pool(Engine db) throws SQLException {
        return Fixture.pool(db, db.jdbcUrl(""));
    }

    static void items(HikariDataSource ds, Engine db) throws SQLException {
        ensure(ds, db, "growth_items", ITEMS,
                "CREATE TABLE growth_items (id BIGINT PRIMARY KEY, v INT NOT NULL)",
                "INSERT INTO growth_items (id, v) SELECT x, x % 1000 FROM " + range(db, ITEMS));
    }

    static void family(HikariDataSource ds, Engine db) throws SQLException {
        ensure(ds, db, "growth_parents", PARENTS,
                "CREATE TABLE growth_parents (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL)",
                "INSERT INTO growth_parents (id, name) SELECT x, CONCAT('parent ', x) FROM " + range(db, PARENTS));
        ensure(ds, db, "growth_children", PARENTS * CHILDREN_PER_PARENT,
                "CREATE TABLE growth_children (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES growth_parents (id),"
                        + " name VARCHAR(50) NOT NULL)",
                "INSERT INTO growth_children (id, parent_id, name) SELECT x, (x - 1) / " + CHILDREN_PER_PARENT + " + 1, CONCAT('child ', x) FROM "
                        + range(db, PARENTS * CHILDREN_PER_PARENT),
                "CREATE INDEX growth_children_parent ON growth_children (parent_id)");
    }

    private static String range(Engine db, int rows) {
        return db == Engine.H2 ? "(SELECT X AS x FROM SYSTEM_RANGE(1, " + rows + ")) r" : "generate_series(1, " + rows + ") AS r(x)";
    }

    private static void ensure(HikariDataSource ds, Engine db, String table, long rows, String... ddl) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            if (db == Engine.POSTGRESQL) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_tables WHERE tablename = '" + table + "'")) {
                    rs.next();
                    if (rs.getLong(1) == 1 && Fixture.count(c, table) == rows) {
                        return;
                    }
                }
                s.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
            }
            for (String sql : ddl) {
                s.execute(sql);
            }
            s.execute(db == Engine.POSTGRESQL ? "VACUUM ANALYZE " + table : "ANALYZE TABLE " + table);
        }
    }

    /** A row of growth_items. */
    @Table(name = "growth_items")
    public static class Item extends Model {
    }

    /** A row of growth_parents, with its children. */
    @Table(name = "growth_parents")
    @HasMany(model = Child.class, as = "children", foreignKey = "parent_id")
    public static class Parent extends Model {
    }

    /** A row of growth_children. */
    @Table(name = "growth_children")
    @BelongsTo(model = Parent.class, as = "parent", key = "parent_id")
    public static class Child extends Model {
    }
}
