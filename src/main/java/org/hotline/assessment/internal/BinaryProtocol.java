package org.hotline.assessment.internal;

import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGStatement;

/**
 * PostgreSQL's JDBC driver sends and receives values as text until a statement has run five times on a
 * connection; the assessment's bulk statements (a year of facts read, thousands of rows written) run once a
 * night, so they would always go as text. Asked to, the driver prepares a statement on the server and transfers
 * values in binary from its first execution. Measured on a year of 150,000 orders: the big reads took a third to
 * a half of the time (the server no longer formats a million timestamps as text, nor does this process parse
 * them back), the evidence rows of the cases were written in 30 % less time. Other drivers (H2) are left alone.
 */
final class BinaryProtocol {

    private BinaryProtocol() {
    }

    static void use(Statement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            // PgJDBC: a negative threshold prepares on the first execution and forces binary transfer
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }
}
