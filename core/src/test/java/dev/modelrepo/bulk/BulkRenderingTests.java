package dev.modelrepo.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.modelrepo.dialect.BulkSupport;
import dev.modelrepo.dialect.BulkSupport.Slot;
import dev.modelrepo.dialect.BulkSupport.Statement;
import dev.modelrepo.schema.ColumnTypeInfo;
import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.H2Dialect;
import dev.modelrepo.dialect.MariaDbDialect;
import dev.modelrepo.dialect.MySqlDialect;
import dev.modelrepo.dialect.PostgresDialect;
import dev.modelrepo.dialect.SqliteDialect;
import dev.modelrepo.schema.ColumnMetadata;

/**
 * The whole SQL of every bulk shape per dialect, without a server: MySQL 8's shapes are only rendered here (no
 * server on these machines), the others are also executed by the engine tests.
 */
class BulkRenderingTests {

    private static ColumnMetadata column(Dialect dialect, String name, int type, String typeName, boolean key) {
        return new ColumnMetadata(name, type, typeName, 0, 0, !key, null, key, key,
                dialect.columnKind(new ColumnTypeInfo(type, typeName, 0, 0, key, key)));
    }

    private record Columns(ColumnMetadata id, ColumnMetadata name, ColumnMetadata age, ColumnMetadata version, ColumnMetadata updatedAt) {
        static Columns of(Dialect d) {
            return new Columns(column(d, "id", Types.BIGINT, d instanceof PostgresDialect ? "int8" : "BIGINT", true),
                    column(d, "name", Types.VARCHAR, d instanceof PostgresDialect ? "varchar" : "VARCHAR", false),
                    column(d, "age", Types.INTEGER, d instanceof PostgresDialect ? "int4" : "INTEGER", false),
                    column(d, "lock_version", Types.INTEGER, d instanceof PostgresDialect ? "int4" : "INTEGER", false),
                    column(d, "updated_at", Types.TIMESTAMP, d instanceof PostgresDialect ? "timestamp" : "TIMESTAMP", false));
        }
    }

    private static String update(Dialect d) {
        Columns c = Columns.of(d);
        return d.bulk().update(d.quote("users"), c.id(), List.of(c.name(), c.age()), c.version(), c.updatedAt(), 2).sql();
    }

    private static String upsert(Dialect d) {
        Columns c = Columns.of(d);
        return d.bulk().upsert(d.quote("users"), List.of(c.id(), c.name(), c.age()), List.of(c.id()), List.of(c.name(), c.age()),
                c.version(), 2).sql();
    }

    private static String insert(Dialect d) {
        Columns c = Columns.of(d);
        return d.bulk().insert(d.quote("users"), List.of(c.name(), c.age()), 2).sql();
    }

    private static String delete(Dialect d) {
        return d.bulk().delete(d.quote("users"), Columns.of(d).id(), 3).sql();
    }

    @Test
    void mysql8RendersJoinValuesRowAndARowAlias() {
        Dialect d = MySqlDialect.INSTANCE;
        assertThat(insert(d)).isEqualTo("INSERT INTO `users` (`name`, `age`) VALUES (?, ?), (?, ?)");
        assertThat(update(d)).isEqualTo("UPDATE `users` AS t JOIN (VALUES ROW(?, ?, ?, ?), ROW(?, ?, ?, ?)) AS v (`id`, `name`, `age`,"
                + " `lock_version`) ON t.`id` = v.`id` AND t.`lock_version` = v.`lock_version` SET t.`name` = v.`name`, t.`age` = v.`age`,"
                + " t.`updated_at` = ?, t.`lock_version` = t.`lock_version` + 1");
        assertThat(d.bulk().update("`users`", Columns.of(d).id(), List.of(Columns.of(d).name()), null, Columns.of(d).updatedAt(), 1).slots())
                .containsExactly(Slot.ROWS, Slot.scalar(0));
        assertThat(upsert(d)).isEqualTo("INSERT INTO `users` (`id`, `name`, `age`) VALUES (?, ?, ?), (?, ?, ?) AS new"
                + " ON DUPLICATE KEY UPDATE `name` = new.`name`, `age` = new.`age`, `lock_version` = `lock_version` + 1");
        assertThat(delete(d)).isEqualTo("DELETE FROM `users` WHERE `id` IN (?, ?, ?)");
        assertThat(d.bulk().packetLimitQuery()).isEqualTo("SELECT @@max_allowed_packet");
        assertThat(d.bulk().insertMethod()).isEqualTo(BulkSupport.InsertMethod.MULTI_ROW);
        assertThat(d.bulk().keyMethod()).isEqualTo(BulkSupport.KeyMethod.BATCH_KEYS);
    }

    @Test
    void mariadbRendersACteWithAColumnListAndValuesOfColumns() {
        Dialect d = MariaDbDialect.INSTANCE;
        assertThat(update(d)).isEqualTo("UPDATE `users` AS t JOIN (WITH v (`id`, `name`, `age`, `lock_version`) AS (VALUES (?, ?, ?, ?),"
                + " (?, ?, ?, ?)) SELECT * FROM v) AS v ON t.`id` = v.`id` AND t.`lock_version` = v.`lock_version` SET t.`name` = v.`name`,"
                + " t.`age` = v.`age`, t.`updated_at` = ?, t.`lock_version` = t.`lock_version` + 1");
        assertThat(upsert(d)).isEqualTo("INSERT INTO `users` (`id`, `name`, `age`) VALUES (?, ?, ?), (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE `name` = VALUES(`name`), `age` = VALUES(`age`), `lock_version` = `lock_version` + 1");
    }

    @Test
    void postgresqlRendersTypedUnnestArrays() {
        Dialect d = PostgresDialect.INSTANCE;
        assertThat(insert(d)).isEqualTo("INSERT INTO \"users\" (\"name\", \"age\") SELECT v.\"name\", v.\"age\" FROM unnest(?::text[],"
                + " ?::int4[]) AS v(\"name\", \"age\")");
        assertThat(update(d)).isEqualTo("UPDATE \"users\" AS t SET \"name\" = v.\"name\", \"age\" = v.\"age\", \"updated_at\" = ?,"
                + " \"lock_version\" = t.\"lock_version\" + 1 FROM unnest(?::int8[], ?::text[], ?::int4[], ?::int4[]) AS v(\"id\", \"name\","
                + " \"age\", \"lock_version\") WHERE t.\"id\" = v.\"id\" AND t.\"lock_version\" = v.\"lock_version\"");
        assertThat(upsert(d)).isEqualTo("INSERT INTO \"users\" AS t (\"id\", \"name\", \"age\") SELECT v.\"id\", v.\"name\", v.\"age\""
                + " FROM unnest(?::int8[], ?::text[], ?::int4[]) AS v(\"id\", \"name\", \"age\") ON CONFLICT (\"id\") DO UPDATE SET"
                + " \"name\" = EXCLUDED.\"name\", \"age\" = EXCLUDED.\"age\", \"lock_version\" = t.\"lock_version\" + 1");
        assertThat(delete(d)).isEqualTo("DELETE FROM \"users\" WHERE \"id\" = ANY(?::int8[])");
        assertThat(d.bulk().maxBindParameters()).isEqualTo(65_535);
    }

    @Test
    void sqliteRendersUpdateFromValuesAndOnConflict() {
        Dialect d = SqliteDialect.INSTANCE;
        assertThat(update(d)).isEqualTo("UPDATE \"users\" AS t SET \"name\" = v.column2, \"age\" = v.column3, \"updated_at\" = ?,"
                + " \"lock_version\" = t.\"lock_version\" + 1 FROM (VALUES (?, ?, ?, ?), (?, ?, ?, ?)) AS v WHERE t.\"id\" = v.column1"
                + " AND t.\"lock_version\" = v.column4");
        assertThat(upsert(d)).isEqualTo("INSERT INTO \"users\" (\"id\", \"name\", \"age\") VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT (\"id\")"
                + " DO UPDATE SET \"name\" = excluded.\"name\", \"age\" = excluded.\"age\", \"lock_version\" = \"lock_version\" + 1");
        Statement insert = d.bulk().insert("\"users\"", List.of(Columns.of(d).name()), 3);
        assertThat(insert.sql()).isEqualTo("INSERT INTO \"users\" (\"name\") VALUES (?), (?), (?)");
        assertThat(insert.batched()).isFalse();
        assertThat(insert.bindsPerRow()).isTrue();
        assertThat(d.bulk().insertMethod()).isEqualTo(BulkSupport.InsertMethod.MULTI_ROW);
        assertThat(d.bulk().maxBindParameters()).isEqualTo(32_766);
    }

    @Test
    void h2RendersBatchesAndStandardMerge() {
        Dialect d = H2Dialect.INSTANCE;
        assertThat(update(d)).isEqualTo("UPDATE \"users\" SET \"name\" = ?, \"age\" = ?, \"updated_at\" = ?,"
                + " \"lock_version\" = \"lock_version\" + 1 WHERE \"id\" = ? AND \"lock_version\" = ?");
        assertThat(upsert(d)).isEqualTo("MERGE INTO \"users\" t USING (VALUES (?, ?, ?), (?, ?, ?)) v (\"id\", \"name\", \"age\")"
                + " ON t.\"id\" = v.\"id\" WHEN MATCHED THEN UPDATE SET \"name\" = v.\"name\", \"age\" = v.\"age\","
                + " \"lock_version\" = t.\"lock_version\" + 1 WHEN NOT MATCHED THEN INSERT (\"id\", \"name\", \"age\")"
                + " VALUES (v.\"id\", v.\"name\", v.\"age\")");
        assertThat(d.bulk().delete("\"users\"", Columns.of(d).id(), 10).batched()).isTrue();
    }
}
