package dev.modelrepo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.modelrepo.dialect.DialectResolver;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;

/** Table metadata is read for exactly the model's table, identically on every engine. */
class MetadataTests {

    /** Its name has an underscore, a LIKE wildcard in metadata patterns. */
    @Table(name = "user_roles")
    public static class UserRole extends Model {
    }

    /** Written in upper case in the model, created in lower case. */
    @Table(name = "AUDIT_LOG")
    public static class AuditLog extends Model {
    }

    private static void exec(TestDatabase db, String... sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    @EngineTest
    void underscoresInNamesAreNotWildcards(TestDatabase db) throws SQLException {
        exec(db, "CREATE TABLE userxroles (other_id INTEGER PRIMARY KEY, junk VARCHAR(10))",
                "CREATE TABLE user_roles (id BIGINT PRIMARY KEY, role_name VARCHAR(50) NOT NULL DEFAULT 'reader', user_id BIGINT)");
        var registry = new ModelRegistry(db.dataSource(), DialectResolver.resolve(db.dataSource()));
        TableMetadata table = registry.table(UserRole.class);
        assertThat(table.name()).isEqualTo("user_roles");
        assertThat(table.columnNames()).containsExactly("id", "role_name", "user_id");
        assertThat(table.primaryKey()).extracting(ColumnMetadata::name).containsExactly("id");
        ColumnMetadata role = table.column("ROLE_NAME");
        assertThat(role.nullable()).isFalse();
        assertThat(role.defaultValue()).contains("reader");
        assertThat(role.kind()).isEqualTo(ColumnKind.STRING);
        assertThat(table.column("user_id").kind()).isEqualTo(ColumnKind.BIGINT);
    }

    @EngineTest
    void namesMatchCaseInsensitivelyAndAreReportedInLowerCase(TestDatabase db) throws SQLException {
        exec(db, "CREATE TABLE audit_log (id INTEGER PRIMARY KEY, Actor_Name VARCHAR(20))");
        var registry = new ModelRegistry(db.dataSource(), DialectResolver.resolve(db.dataSource()));
        TableMetadata table = registry.table(AuditLog.class);
        assertThat(table.name()).isEqualTo("audit_log");
        assertThat(table.columnNames()).containsExactly("id", "actor_name");
        assertThat(table.column("ACTOR_NAME")).isNotNull();
    }

    @EngineTest(engines = { Engine.POSTGRESQL, Engine.H2 })
    void aTableOfTheSameNameInAnotherSchemaIsNotMixedIn(TestDatabase db) throws SQLException {
        String other = "other_" + Integer.toHexString(System.identityHashCode(db));
        exec(db, "CREATE SCHEMA " + other, "CREATE TABLE " + other + ".user_roles (id BIGINT PRIMARY KEY, secret VARCHAR(10))");
        try {
            exec(db, "CREATE TABLE IF NOT EXISTS user_roles (id BIGINT PRIMARY KEY, role_name VARCHAR(50) NOT NULL DEFAULT 'reader', user_id BIGINT)");
            var registry = new ModelRegistry(db.dataSource(), DialectResolver.resolve(db.dataSource()));
            assertThat(registry.table(UserRole.class).columnNames()).doesNotContain("secret").contains("role_name");
        }
        finally {
            exec(db, "DROP SCHEMA " + other + " CASCADE");
        }
    }

    @EngineTest
    void aModelOverAMissingTableFailsNamingIt(TestDatabase db) {
        @Table(name = "nowhere_to_be_found")
        class Missing extends Model {
        }
        var registry = new ModelRegistry(db.dataSource(), DialectResolver.resolve(db.dataSource()));
        assertThatThrownBy(() -> registry.table(Missing.class)).isInstanceOf(UnknownTableException.class)
                .hasMessageContaining("Missing").hasMessageContaining("nowhere_to_be_found");
    }

    @Table(name = "missing_one")
    static class MissingOne extends Model {
    }

    @Table(name = "missing_two")
    static class MissingTwo extends Model {
    }

    @EngineTest
    void loadAllReportsEveryMissingTableAtOnce(TestDatabase db) {
        var registry = new ModelRegistry(db.dataSource(), DialectResolver.resolve(db.dataSource())).register(MissingOne.class, MissingTwo.class);
        assertThatThrownBy(registry::loadAll).isInstanceOf(UnknownTableException.class).hasMessageContaining("2 models")
                .hasMessageContaining("missing_one").hasMessageContaining("missing_two")
                .satisfies(ex -> assertThat(((UnknownTableException) ex).database()).isNotBlank());
    }

    @EngineTest
    void theDialectIsDetectedFromTheConnection(TestDatabase db) {
        assertThat(DialectResolver.resolve(db.dataSource()).name()).isEqualTo(db.engine().displayName());
    }
}
