package dev.modelrepo.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.TypeMismatchDataAccessException;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;

/** The error of a SQLite value that its column's type cannot read (text that is no date, say), naming the column. */
final class SqliteReadErrors {

    private SqliteReadErrors() {
    }

    static TypeMismatchDataAccessException notTemporal(ResultSet rs, int index, @Nullable ColumnMetadata column, ColumnKind kind, String text,
            Exception cause) {
        return new TypeMismatchDataAccessException(columnName(rs, index, column) + " (" + kind + ") holds '" + text + "', which is not "
                + (kind == ColumnKind.TIME ? "a time SQLite reads (expected HH:MM[:SS[.fff]])"
                        : "a " + (kind == ColumnKind.DATE ? "date" : "date-time") + " SQLite reads (expected YYYY-MM-DD[(' '|'T')HH:MM[:SS[.fff]]]"
                                + "[Z|+HH:MM|-HH:MM])"), cause);
    }

    /** {@code table.column} as the result set names it (the declared name when the column is known). */
    private static String columnName(ResultSet rs, int index, @Nullable ColumnMetadata column) {
        String table = "";
        String name = column == null ? "column " + index : column.name();
        try {
            table = rs.getMetaData().getTableName(index);
            if (column == null) {
                name = rs.getMetaData().getColumnLabel(index);
            }
        }
        catch (SQLException | RuntimeException ex) {
            // the name is for the message only
        }
        return table == null || table.isEmpty() ? name : table + "." + name;
    }
}
