package org.hotline.knowledge.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's half of the knowledge base's append-only history (V23_1): refuses any UPDATE or DELETE on
 * {@code knowledge_entry_history}. PostgreSQL gets the same from a plpgsql trigger (db/vendor/postgresql).
 */
public class AppendOnlyHistory implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("knowledge_entry_history is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused");
    }
}
