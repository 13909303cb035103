package org.hotline.quality.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

import org.h2.api.Trigger;

/**
 * H2's half of the quality records' protection (V12): review decisions, escalations, callback attempts and the
 * leaders' daily draws are never changed or removed; a leader sample is changed once, by its leader's signature,
 * and never removed. PostgreSQL gets the same from plpgsql triggers (db/vendor/postgresql), and the work-order
 * history the same way ({@code workorder.internal.AppendOnlyTrigger}).
 */
public class AppendOnlyRecords implements Trigger {

    private String table;
    /** leader_sample: the positions of its key and of the signature's time in a row. */
    private int sampleDay = -1;
    private int unit = -1;
    private int order = -1;
    private int completedAt = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        table = tableName.toLowerCase(Locale.ROOT);
        if (table.equals("leader_sample")) {
            try (ResultSet columns = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
                while (columns.next()) {
                    int position = columns.getInt("ORDINAL_POSITION") - 1;
                    switch (columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)) {
                        case "sample_day" -> sampleDay = position;
                        case "unit_id" -> unit = position;
                        case "order_number" -> order = position;
                        case "completed_at" -> completedAt = position;
                        default -> {
                        }
                    }
                }
            }
            if (sampleDay < 0 || unit < 0 || order < 0 || completedAt < 0) {
                throw new SQLException("leader_sample lacks the columns its append-only trigger guards");
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null && table.equals("leader_sample") && oldRow[completedAt] == null
                && Objects.equals(oldRow[sampleDay], newRow[sampleDay]) && Objects.equals(oldRow[unit], newRow[unit])
                && Objects.equals(oldRow[order], newRow[order])) {
            return; // the leader signs a drawn sample: the one change it ever gets
        }
        throw new SQLException(table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
}
