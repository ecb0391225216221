package dev.modelrepo.dialect;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.GeneratedColumnDetection;

/**
 * MySQL's and MariaDB's generated and {@code ON UPDATE CURRENT_TIMESTAMP} columns, from {@code information_schema}'s
 * {@code EXTRA}: Connector/J reports every column whose EXTRA says GENERATED as generated, MySQL 8's expression
 * defaults ({@code DEFAULT_GENERATED}) too, so the driver's word is not taken.
 */
final class MySqlGeneratedColumns implements GeneratedColumnDetection {

    private static final String SQL = "SELECT COLUMN_NAME, EXTRA FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?";

    @Override
    public GeneratedColumns detect(DatabaseMetaData metadata, @Nullable String catalog, @Nullable String schema, String table,
            Set<String> reported) throws SQLException {
        Set<String> generated = new HashSet<>();
        Set<String> setOnUpdate = new HashSet<>();
        try (PreparedStatement ps = metadata.getConnection().prepareStatement(SQL)) {
            ps.setString(1, catalog != null ? catalog : schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String extra = String.valueOf(rs.getString(2)).toUpperCase(Locale.ROOT);
                    // MySQL: VIRTUAL GENERATED / STORED GENERATED; MariaDB: the same since 10.2, VIRTUAL / PERSISTENT before
                    if (extra.contains("VIRTUAL") || extra.contains("STORED") || extra.contains("PERSISTENT")) {
                        generated.add(rs.getString(1));
                    }
                    else if (extra.contains("ON UPDATE")) {
                        setOnUpdate.add(rs.getString(1));
                    }
                }
            }
        }
        return new GeneratedColumns(generated, setOnUpdate);
    }
}
