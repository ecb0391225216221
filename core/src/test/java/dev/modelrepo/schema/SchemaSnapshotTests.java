package dev.modelrepo.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.DialectResolver;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * {@link MetadataReader#readAll} gives every table of a schema exactly the metadata {@link MetadataReader#read} gives it
 * (columns, types, declared types, keys, referenced key kinds, defaults, generated columns, insert rules), whether the
 * dialect reads the whole schema at once (PostgreSQL) or table by table; on the fixture schemas of every engine.
 */
class SchemaSnapshotTests {

    /** Every table and view of the connection's schema, as getTables lists them. */
    private static List<String> tables(Connection connection, Dialect dialect) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(dialect.metadataCatalog(connection), dialect.metadataSchema(connection), "%", null)) {
            while (rs.next()) {
                String type = String.valueOf(rs.getString("TABLE_TYPE"));
                if ((type.contains("TABLE") || type.contains("VIEW")) && !type.contains("SYSTEM")) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        return names;
    }

    private static String describe(TableMetadata t) {
        return t.storedName() + " schema=" + t.storedSchema() + " view=" + t.isView() + " rule=" + t.insertRule() + " key="
                + t.primaryKey().stream().map(ColumnMetadata::storedName).toList() + "\n" + t.columns().stream()
                        .map(c -> "  " + c.storedName() + " " + c.jdbcType() + " " + c.typeName() + "(" + c.size() + "," + c.scale() + ")"
                                + " null=" + c.nullable() + " default=" + c.defaultValue() + " auto=" + c.autoIncrement() + " pk=" + c.primaryKey()
                                + " kind=" + c.kind() + " declared=" + c.declaredType() + " generated=" + c.generated() + " onUpdate="
                                + c.setOnUpdate() + " reader=" + c.reader().getClass().getName() + " binder=" + c.binder().getClass().getName())
                        .collect(Collectors.joining("\n"));
    }

    static void readAllMatchesReadOneByOne(TestDatabase db, int atLeast) throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = DialectResolver.resolve(db.dataSource());
            MetadataReader reader = new MetadataReader(dialect);
            List<String> names = tables(connection, dialect);
            assertThat(names).hasSizeGreaterThanOrEqualTo(atLeast);
            Map<String, String> one = new LinkedHashMap<>();
            for (String name : names) {
                one.put(name, describe(reader.read(connection, name, null)));
            }
            Map<String, String> all = new LinkedHashMap<>();
            reader.readAll(connection, names, null).forEach((name, table) -> all.put(name, describe(table)));
            assertThat(all).isEqualTo(one);
            assertThat(reader.readAll(connection, List.of("no_such_table"), null)).isEmpty();
        }
    }

    @Nested
    @Changelog("db/changelog/test-schema.xml")
    class TestSchema {

        @EngineTest
        void readAllMatchesReadOneByOne(TestDatabase db) throws SQLException {
            SchemaSnapshotTests.readAllMatchesReadOneByOne(db, 5);
        }
    }

    @Nested
    @Changelog("db/changelog/native-types.xml")
    class NativeTypes {

        @EngineTest
        void readAllMatchesReadOneByOne(TestDatabase db) throws SQLException {
            SchemaSnapshotTests.readAllMatchesReadOneByOne(db, 1);
        }
    }

    @Nested
    @Changelog("db/changelog/composite-keys.xml")
    class CompositeKeys {

        @EngineTest
        void readAllMatchesReadOneByOne(TestDatabase db) throws SQLException {
            SchemaSnapshotTests.readAllMatchesReadOneByOne(db, 3);
        }
    }

    @Nested
    @Changelog("db/changelog/database-writes.xml")
    class DatabaseWrites {

        @EngineTest
        void readAllMatchesReadOneByOne(TestDatabase db) throws SQLException {
            SchemaSnapshotTests.readAllMatchesReadOneByOne(db, 1);
        }

        @EngineTest(engines = Engine.POSTGRESQL)
        void insertRulesAreReadSchemaWide(TestDatabase db) throws SQLException {
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            jdbc.execute("CREATE TABLE IF NOT EXISTS snap_events (id BIGSERIAL PRIMARY KEY, at DATE NOT NULL)");
            jdbc.execute("CREATE TABLE IF NOT EXISTS snap_events_2026 () INHERITS (snap_events)");
            jdbc.execute("CREATE OR REPLACE RULE snap_events_2026 AS ON INSERT TO snap_events WHERE (NEW.at >= DATE '2026-01-01')"
                    + " DO INSTEAD INSERT INTO snap_events_2026 VALUES (NEW.*)");
            try (Connection connection = db.dataSource().getConnection()) {
                MetadataReader reader = new MetadataReader(DialectResolver.resolve(db.dataSource()));
                assertThat(reader.readAll(connection, List.of("snap_events", "snap_events_2026"), null))
                        .extractingFromEntries(e -> e.getKey() + "=" + e.getValue().insertRule())
                        .containsExactly("snap_events=snap_events_2026", "snap_events_2026=null");
            }
            SchemaSnapshotTests.readAllMatchesReadOneByOne(db, 3);
        }
    }
}
