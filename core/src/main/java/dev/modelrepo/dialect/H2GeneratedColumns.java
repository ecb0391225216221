package dev.modelrepo.dialect;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.GeneratedColumnDetection;

/** H2's generated columns as its driver reports them, and its {@code ON UPDATE} columns from {@code INFORMATION_SCHEMA}. */
final class H2GeneratedColumns implements GeneratedColumnDetection {

    private static final String SQL = "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
            + " WHERE TABLE_SCHEMA = COALESCE(?, SCHEMA()) AND TABLE_NAME = ? AND COLUMN_ON_UPDATE IS NOT NULL";

    @Override
    public GeneratedColumns detect(DatabaseMetaData metadata, @Nullable String catalog, @Nullable String schema, String table,
            Set<String> reported) throws SQLException {
        Set<String> setOnUpdate = new HashSet<>();
        try (PreparedStatement ps = metadata.getConnection().prepareStatement(SQL)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    setOnUpdate.add(rs.getString(1));
                }
            }
        }
        return new GeneratedColumns(reported, setOnUpdate);
    }
}
