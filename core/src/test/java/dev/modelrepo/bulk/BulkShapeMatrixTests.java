package dev.modelrepo.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.modelrepo.dialect.BulkSupport;
import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.H2Dialect;
import dev.modelrepo.dialect.MariaDbDialect;
import dev.modelrepo.dialect.MySqlDialect;
import dev.modelrepo.dialect.PostgresDialect;
import dev.modelrepo.dialect.SqliteDialect;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.ColumnTypeInfo;

/**
 * Every bulk statement shape of every dialect, with and without a version, a touched column, updated columns, and
 * for one and three rows, compared with the SQL pinned in {@code bulk-shapes.txt}: the shapes may be assembled
 * differently, never emit different SQL.
 */
class BulkShapeMatrixTests {

    private static final List<Dialect> DIALECTS = List.of(PostgresDialect.INSTANCE, MySqlDialect.INSTANCE, MariaDbDialect.INSTANCE, H2Dialect.INSTANCE,
            SqliteDialect.INSTANCE);

    @Test
    void everyShapeRendersThePinnedSql() throws IOException {
        String pinned;
        try (InputStream in = BulkShapeMatrixTests.class.getResourceAsStream("bulk-shapes.txt")) {
            pinned = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(String.join("\n", render()) + "\n").isEqualTo(pinned);
    }

    static List<String> render() {
        List<String> lines = new ArrayList<>();
        for (Dialect d : DIALECTS) {
            String name = d.getClass().getSimpleName();
            BulkSupport b = d.bulk();
            ColumnMetadata id = column(d, "id", Types.BIGINT, "int8", true);
            ColumnMetadata title = column(d, "title", Types.VARCHAR, "varchar", false);
            ColumnMetadata count = column(d, "count", Types.INTEGER, "int4", false);
            ColumnMetadata version = column(d, "version", Types.INTEGER, "int4", false);
            ColumnMetadata touched = column(d, "touched_at", Types.TIMESTAMP, "timestamp", false);
            String table = d.quote("items");
            for (int rows : new int[] { 1, 3 }) {
                lines.add(name + " insert " + rows + ": " + b.insert(table, List.of(id, title), rows));
                lines.add(name + " delete " + rows + ": " + b.delete(table, id, rows));
                for (ColumnMetadata v : versions(version)) {
                    for (ColumnMetadata t : versions(touched)) {
                        lines.add(name + " update " + rows + " v=" + (v != null) + " t=" + (t != null) + ": "
                                + b.update(table, id, List.of(title, count), v, t, rows));
                        lines.add(name + " update-one " + rows + " v=" + (v != null) + " t=" + (t != null) + ": "
                                + b.update(table, id, List.of(title), v, t, rows));
                    }
                    lines.add(name + " upsert " + rows + " v=" + (v != null) + ": "
                            + b.upsert(table, List.of(id, title, count), List.of(id), List.of(title, count), v, rows));
                    lines.add(name + " upsert-none " + rows + " v=" + (v != null) + ": "
                            + b.upsert(table, List.of(id, title), List.of(id, title), List.of(), v, rows));
                }
                try {
                    lines.add(name + " insert-returning " + rows + ": " + b.insertReturning(table, List.of(id, title), List.of(id, count), rows));
                }
                catch (UnsupportedOperationException ex) {
                    lines.add(name + " insert-returning " + rows + ": unsupported");
                }
            }
        }
        return lines;
    }

    private static List<@Nullable ColumnMetadata> versions(ColumnMetadata column) {
        List<@Nullable ColumnMetadata> both = new ArrayList<>();
        both.add(null);
        both.add(column);
        return both;
    }

    private static ColumnMetadata column(Dialect d, String name, int type, String typeName, boolean key) {
        String declared = d instanceof PostgresDialect ? typeName : typeName.toUpperCase(java.util.Locale.ROOT);
        return new ColumnMetadata(name, type, declared, 0, 0, !key, null, key, key,
                d.columnKind(new ColumnTypeInfo(type, declared, 0, 0, key, key)));
    }
}
