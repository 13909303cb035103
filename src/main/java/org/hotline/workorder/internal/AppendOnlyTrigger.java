package org.hotline.workorder.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's half of the append-only history: refuses any UPDATE or DELETE on {@code work_order_history}.
 * PostgreSQL gets the same guarantee from a plpgsql trigger (db/vendor/postgresql).
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("work_order_history is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused");
    }
}
