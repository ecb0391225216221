package dev.modelrepo.dialect;

import java.util.List;

import dev.modelrepo.model.ColumnMetadata;

/**
 * MariaDB: MySQL's bulk shapes, except that the update rows come from a CTE with a column list
 * ({@code JOIN (WITH v (id, c) AS (VALUES (…), …) SELECT * FROM v) AS v}: MariaDB has no {@code VALUES ROW}) and
 * {@code ON DUPLICATE KEY UPDATE} reads the proposed row with {@code VALUES(c)}.
 */
public class MariaDbBulkSupport extends MySqlBulkSupport {

    public MariaDbBulkSupport(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String valuesTable(List<ColumnMetadata> row, int rows) {
        StringBuilder sql = new StringBuilder("(WITH v (").append(columnList(row)).append(") AS (VALUES ");
        appendTuples(sql, row.size(), rows);
        return sql.append(") SELECT * FROM v) AS v").toString();
    }

    @Override
    protected String rowAlias() {
        return "";
    }

    @Override
    protected String newValue(ColumnMetadata column) {
        return "VALUES(" + q(column) + ")";
    }
}
