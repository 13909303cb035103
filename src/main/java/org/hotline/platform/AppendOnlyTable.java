package org.hotline.platform;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's half of a table that is only ever added to (the administrators' audit, V40_1): any UPDATE or DELETE is
 * refused. PostgreSQL gets the same from a plpgsql trigger (db/vendor/postgresql).
 */
public class AppendOnlyTable implements Trigger {

    private String table = "table";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        table = tableName.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: "
                + (oldRow == null ? "INSERT" : newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
}
