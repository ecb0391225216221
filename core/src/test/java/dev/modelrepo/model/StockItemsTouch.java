package dev.modelrepo.model;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

import org.h2.api.Trigger;

/**
 * H2's trigger on {@code stock_items} (H2 triggers are Java classes): before an insert or update it sets
 * {@code last_update} to now and, on update, counts the edit in {@code edits}, as the other engines' triggers do.
 */
public class StockItemsTouch implements Trigger {

    private int edits = -1;

    private int lastUpdate = -1;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                int index = rs.getInt("ORDINAL_POSITION") - 1;
                if (name.equalsIgnoreCase("edits")) {
                    edits = index;
                }
                else if (name.equalsIgnoreCase("last_update")) {
                    lastUpdate = index;
                }
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
        if (oldRow != null) {
            newRow[edits] = ((Number) oldRow[edits]).intValue() + 1;
        }
        newRow[lastUpdate] = LocalDateTime.now();
    }
}
