package dev.modelrepo.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.H2Dialect;
import dev.modelrepo.dialect.MariaDbDialect;
import dev.modelrepo.dialect.MySqlDialect;
import dev.modelrepo.dialect.PostgresDialect;
import dev.modelrepo.dialect.SqliteDialect;
import dev.modelrepo.dialect.WriteSql;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.ColumnTypeInfo;

/** The whole SQL of the bulk and by-key shapes over a composite key (actor_id, film_id), per dialect, without a server. */
class CompositeKeyRenderingTests {

    private static ColumnMetadata column(Dialect d, String name, int type, String typeName, boolean key) {
        String stored = d instanceof PostgresDialect ? typeName.toLowerCase(java.util.Locale.ROOT) : typeName;
        return new ColumnMetadata(name, type, stored, 0, 0, !key, null, false, key, d.columnKind(new ColumnTypeInfo(type, stored, 0, 0, false, false)));
    }

    private record Columns(List<ColumnMetadata> key, ColumnMetadata role, ColumnMetadata version, ColumnMetadata updatedAt) {
        static Columns of(Dialect d) {
            return new Columns(List.of(column(d, "actor_id", Types.BIGINT, d instanceof PostgresDialect ? "INT8" : "BIGINT", true),
                    column(d, "film_id", Types.INTEGER, d instanceof PostgresDialect ? "INT4" : "INTEGER", true)),
                    column(d, "role", Types.VARCHAR, "VARCHAR", false), column(d, "lock_version", Types.INTEGER, d instanceof PostgresDialect
                            ? "INT4" : "INTEGER", false), column(d, "updated_at", Types.TIMESTAMP, "TIMESTAMP", false));
        }
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(PostgresDialect.INSTANCE,
                        "UPDATE \"fa\" AS t SET \"role\" = v.\"role\", \"updated_at\" = ?, \"lock_version\" = t.\"lock_version\" + 1 FROM"
                                + " unnest(?::int8[], ?::int4[], ?::text[], ?::int4[]) AS v(\"actor_id\", \"film_id\", \"role\", \"lock_version\")"
                                + " WHERE t.\"actor_id\" = v.\"actor_id\" AND t.\"film_id\" = v.\"film_id\" AND t.\"lock_version\" = v.\"lock_version\"",
                        "DELETE FROM \"fa\" WHERE (\"actor_id\", \"film_id\") IN (SELECT * FROM unnest(?::int8[], ?::int4[]))",
                        "SELECT \"role\" FROM \"fa\" WHERE (\"actor_id\", \"film_id\") IN ((?, ?), (?, ?))"),
                Arguments.of(MySqlDialect.INSTANCE,
                        "UPDATE `fa` AS t JOIN (VALUES ROW(?, ?, ?, ?), ROW(?, ?, ?, ?)) AS v (`actor_id`, `film_id`, `role`, `lock_version`)"
                                + " ON t.`actor_id` = v.`actor_id` AND t.`film_id` = v.`film_id` AND t.`lock_version` = v.`lock_version`"
                                + " SET t.`role` = v.`role`, t.`updated_at` = ?, t.`lock_version` = t.`lock_version` + 1",
                        "DELETE FROM `fa` WHERE (`actor_id`, `film_id`) IN ((?, ?), (?, ?))",
                        "SELECT `role` FROM `fa` WHERE (`actor_id`, `film_id`) IN ((?, ?), (?, ?))"),
                Arguments.of(MariaDbDialect.INSTANCE,
                        "UPDATE `fa` AS t JOIN (WITH v (`actor_id`, `film_id`, `role`, `lock_version`) AS (VALUES (?, ?, ?, ?), (?, ?, ?, ?))"
                                + " SELECT * FROM v) AS v ON t.`actor_id` = v.`actor_id` AND t.`film_id` = v.`film_id` AND t.`lock_version` ="
                                + " v.`lock_version` SET t.`role` = v.`role`, t.`updated_at` = ?, t.`lock_version` = t.`lock_version` + 1",
                        "DELETE FROM `fa` WHERE (`actor_id`, `film_id`) IN ((?, ?), (?, ?))",
                        "SELECT `role` FROM `fa` WHERE (`actor_id`, `film_id`) IN ((?, ?), (?, ?))"),
                Arguments.of(H2Dialect.INSTANCE,
                        "UPDATE \"fa\" SET \"role\" = ?, \"updated_at\" = ?, \"lock_version\" = \"lock_version\" + 1 WHERE \"actor_id\" = ?"
                                + " AND \"film_id\" = ? AND \"lock_version\" = ?",
                        "DELETE FROM \"fa\" WHERE \"actor_id\" = ? AND \"film_id\" = ?",
                        "SELECT \"role\" FROM \"fa\" WHERE (\"actor_id\", \"film_id\") IN ((?, ?), (?, ?))"),
                Arguments.of(SqliteDialect.INSTANCE,
                        "UPDATE \"fa\" AS t SET \"role\" = v.column3, \"updated_at\" = ?, \"lock_version\" = t.\"lock_version\" + 1 FROM"
                                + " (VALUES (?, ?, ?, ?), (?, ?, ?, ?)) AS v WHERE t.\"actor_id\" = v.column1 AND t.\"film_id\" = v.column2"
                                + " AND t.\"lock_version\" = v.column4",
                        "DELETE FROM \"fa\" WHERE (\"actor_id\", \"film_id\") IN (VALUES (?, ?), (?, ?))",
                        "SELECT \"role\" FROM \"fa\" WHERE (\"actor_id\", \"film_id\") IN (VALUES (?, ?), (?, ?))"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void compositeKeysRenderEveryKeyColumn(Dialect d, String update, String delete, String select) {
        Columns c = Columns.of(d);
        String table = d.quote("fa");
        assertThat(d.bulk().update(table, c.key(), List.of(c.role()), c.version(), c.updatedAt(), 2).sql()).isEqualTo(update);
        assertThat(d.bulk().delete(table, c.key(), 2).sql()).isEqualTo(delete);
        assertThat(new WriteSql(d).selectByKeys(table, List.of(c.role()), c.key(), 2)).isEqualTo(select);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void theStandardUpdateBindsTheKeyAfterTheSetColumns(Dialect d, String update, String delete, String select) {
        Columns c = Columns.of(d);
        var shape = d.bulk().update(d.quote("fa"), c.key(), List.of(c.role()), c.version(), null, 1);
        if (shape.batched()) {
            // row values: actor_id, film_id, role, lock_version; placeholders: role, actor_id, film_id, lock_version
            assertThat(shape.slots()).extracting(s -> s.index()).containsExactly(2, 0, 1, 3);
        }
    }
}
