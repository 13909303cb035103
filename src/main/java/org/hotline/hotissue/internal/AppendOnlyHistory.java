package org.hotline.hotissue.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's half of the hot issues' append-only history (V36): refuses any UPDATE or DELETE on
 * {@code hot_issue_history}. PostgreSQL gets the same from a plpgsql trigger (db/vendor/postgresql).
 */
public class AppendOnlyHistory implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("hot_issue_history is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused");
    }
}
