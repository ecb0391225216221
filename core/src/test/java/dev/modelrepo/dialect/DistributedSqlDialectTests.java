package dev.modelrepo.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.modelrepo.lock.LockOptions;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.ColumnTypeInfo;

/**
 * CockroachDB, YugabyteDB and TiDB as their documentation describes them: detected from their version strings, and the
 * SQL that differs from PostgreSQL's or MySQL's, rendered without a server (none of them runs in these tests).
 */
class DistributedSqlDialectTests {

    @Test
    void versionStringsTellTheDistributedEnginesApart() {
        assertThat(DialectResolver.resolve("PostgreSQL", "CockroachDB CCL v23.2.4 (x86_64-pc-linux-gnu, built 2024/04/08, go1.21.8)", 13, 0))
                .isSameAs(CockroachDbDialect.INSTANCE);
        assertThat(DialectResolver.resolve("PostgreSQL", "11.2-YB-2.20.1.0-b0", 11, 2)).isSameAs(YugabyteDbDialect.INSTANCE);
        assertThat(DialectResolver.resolve("MySQL", "8.0.11-TiDB-v7.5.1", 8, 0)).isSameAs(TiDbDialect.INSTANCE);
        assertThat(DialectResolver.resolve("PostgreSQL", "13.0.0", 13, 0)).as("CockroachDB's server_version alone")
                .isSameAs(PostgresDialect.INSTANCE);
        assertThat(DialectResolver.resolve("MySQL", "8.4.0", 8, 4)).isSameAs(MySqlDialect.INSTANCE);
        assertThat(DialectResolver.byName("cockroachdb")).isSameAs(CockroachDbDialect.INSTANCE);
        assertThat(DialectResolver.byName("YugabyteDB")).isSameAs(YugabyteDbDialect.INSTANCE);
        assertThat(DialectResolver.byName("tidb")).isSameAs(TiDbDialect.INSTANCE);
        assertThat(List.of(CockroachDbDialect.INSTANCE.name(), YugabyteDbDialect.INSTANCE.name(), TiDbDialect.INSTANCE.name()))
                .containsExactly("cockroachdb", "yugabytedb", "tidb");
    }

    @Test
    void thePostgresWireEnginesInsertInBulkThroughUnnestArraysNotCopy() {
        assertThat(PostgresDialect.INSTANCE.bulk().insertMethod()).isEqualTo(BulkSupport.InsertMethod.COPY);
        for (Dialect d : List.of(CockroachDbDialect.INSTANCE, YugabyteDbDialect.INSTANCE)) {
            assertThat(d.bulk().insertMethod()).as(d.name()).isEqualTo(BulkSupport.InsertMethod.MULTI_ROW);
            assertThat(d.bulk().insert(d.quote("users"), List.of(column(d, "name", Types.VARCHAR, "varchar", false),
                    column(d, "age", Types.INTEGER, "int4", false)), 2).sql()).as(d.name())
                    .isEqualTo("INSERT INTO \"users\" (\"name\", \"age\") SELECT v.\"name\", v.\"age\" FROM unnest(?::text[],"
                            + " ?::int4[]) AS v(\"name\", \"age\")");
            ColumnMetadata id = column(d, "id", Types.BIGINT, "int8", true);
            assertThat(d.bulk().delete(d.quote("users"), List.of(id), 3).sql()).as(d.name())
                    .isEqualTo("DELETE FROM \"users\" WHERE \"id\" = ANY(?::int8[])");
        }
    }

    @Test
    void thePostgresWireEnginesKeepPostgresLockClauses() {
        for (Dialect d : List.of(CockroachDbDialect.INSTANCE, YugabyteDbDialect.INSTANCE)) {
            assertThat(d.lockClause(LockOptions.forUpdate().skipLocked().request())).isEqualTo(" FOR UPDATE SKIP LOCKED");
            assertThat(d.lockClause(LockOptions.forUpdate().nowait().request())).isEqualTo(" FOR UPDATE NOWAIT");
        }
    }

    @Test
    void tiDbLocksForUpdateWithNowaitAndRefusesSkipLockedAndForShareBeforeAnySql() {
        assertThat(TiDbDialect.INSTANCE.lockClause(LockOptions.forUpdate().request())).isEqualTo(" FOR UPDATE");
        assertThat(TiDbDialect.INSTANCE.lockClause(LockOptions.forUpdate().nowait().request())).isEqualTo(" FOR UPDATE NOWAIT");
        assertThat(MySqlDialect.INSTANCE.lockClause(LockOptions.forUpdate().skipLocked().request())).isEqualTo(" FOR UPDATE SKIP LOCKED");
        assertThatThrownBy(() -> TiDbDialect.INSTANCE.lockClause(LockOptions.forUpdate().skipLocked().request()))
                .isInstanceOf(UnsupportedLockException.class).hasMessageContaining("SKIP LOCKED").hasMessageContaining("TiDB");
        assertThatThrownBy(() -> TiDbDialect.INSTANCE.lockClause(LockOptions.forShare().request()))
                .isInstanceOf(UnsupportedLockException.class);
    }

    @Test
    void eachEngineRetriesItsOwnConflictsAndNeverAnAmbiguousCommit() {
        assertThat(CockroachDbDialect.INSTANCE.isConflict(new SQLException("restart transaction: TransactionRetryWithProtoRefreshError",
                "40001"))).isTrue();
        assertThat(CockroachDbDialect.INSTANCE.isConflict(new SQLException("result is ambiguous", "40003"))).isFalse();
        assertThat(YugabyteDbDialect.INSTANCE.isConflict(new SQLException("could not serialize access due to concurrent update",
                "40001"))).isTrue();
        assertThat(TiDbDialect.INSTANCE.isConflict(new SQLException("Write conflict, txnStartTS=1, please retry", "HY000", 9007)))
                .isTrue();
        assertThat(TiDbDialect.INSTANCE.isConflict(new SQLException("Information schema is changed", "HY000", 8028))).isTrue();
        assertThat(TiDbDialect.INSTANCE.isConflict(new SQLException("Deadlock found", "40001", 1213))).isTrue();
        assertThat(TiDbDialect.INSTANCE.isConflict(new SQLException("Unknown column", "42S22", 1054))).isFalse();
        assertThat(MySqlDialect.INSTANCE.isConflict(new SQLException("Write conflict", "HY000", 9007))).as("not a MySQL code").isFalse();
    }

    @Test
    void postgresThroughShardingSphereUsesNoArraysNoCopyAndRoutableBulkStatements() {
        Dialect d = DialectResolver.byName("shardingsphere-postgresql");
        assertThat(d).isSameAs(ShardingSpherePostgresDialect.INSTANCE);
        assertThat(d.inListStrategy()).isEqualTo(InListStrategy.PADDED);
        assertThat(d.bulk().insertMethod()).isEqualTo(BulkSupport.InsertMethod.BATCH);
        assertThat(d.lockClause(LockOptions.forNoKeyUpdate().nowait().request())).isEqualTo(" FOR NO KEY UPDATE NOWAIT");
        assertThat(PostgresDialect.INSTANCE.updateReturning("UPDATE t SET a = ?", "\"v\"")).isEqualTo("UPDATE t SET a = ? RETURNING \"v\"");
        assertThat(d.updateReturning("UPDATE t SET a = ?", "\"v\"")).as("read back by key: one shard's RETURNING may be empty").isNull();
        assertThatThrownBy(() -> d.lockClause(LockOptions.forUpdate().skipLocked().request()))
                .isInstanceOf(UnsupportedLockException.class).hasMessageContaining("ShardingSphere");
        ColumnMetadata id = column(d, "id", Types.BIGINT, "int8", true);
        ColumnMetadata name = column(d, "name", Types.VARCHAR, "varchar", false);
        ColumnMetadata version = column(d, "lock_version", Types.INTEGER, "int4", false);
        assertThat(d.bulk().insert(d.quote("users"), List.of(id, name), 2).sql()).isEqualTo("INSERT INTO \"users\" (\"id\", \"name\") VALUES (?, ?)");
        assertThat(d.bulk().upsert(d.quote("users"), List.of(id, name), List.of(id), List.of(name), version, 2).sql())
                .isEqualTo("INSERT INTO \"users\" AS t (\"id\", \"name\") VALUES (?, ?), (?, ?) ON CONFLICT (\"id\") DO UPDATE SET"
                        + " \"name\" = EXCLUDED.\"name\", \"lock_version\" = t.\"lock_version\" + 1");
    }

    private static ColumnMetadata column(Dialect dialect, String name, int type, String typeName, boolean key) {
        return new ColumnMetadata(name, type, typeName, 0, 0, !key, null, key, key,
                dialect.columnKind(new ColumnTypeInfo(type, typeName, 0, 0, key, key)));
    }
}
