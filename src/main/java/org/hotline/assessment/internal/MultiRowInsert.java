package org.hotline.assessment.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Inserts many rows with one {@code INSERT … VALUES (…), (…), …} per chunk: standard SQL that PostgreSQL and H2
 * both take, and one statement per few hundred rows instead of one per row (a JDBC batch is still executed row
 * by row by the PostgreSQL driver unless the connection is configured to rewrite it). On PostgreSQL the values
 * go in binary ({@link BinaryProtocol}).
 *
 * <p>A batch, so below {@code JdbcClient}, which has none: the statement is prepared here, told to go in binary,
 * and bound value by value with typed setters. Bound through {@code JdbcClient}, every null would make Spring
 * ask the driver for the parameter's type (on PostgreSQL a round trip to describe the statement), and every value
 * would be inspected for its type first; the nightly recompute writes hundreds of thousands of them
 * (AssessmentBenchmark).
 */
@Component
class MultiRowInsert {

    /** Binds one row's values starting at parameter {@code first}. */
    interface Binder<T> {
        void bind(PreparedStatement ps, int first, T row, int index) throws SQLException;
    }

    private final JdbcOperations jdbc;

    MultiRowInsert(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code into} is e.g. {@code "t (a, b, c)"}; keeps each statement under PostgreSQL's 32,767 parameters. */
    <T> void insert(String into, int columns, List<T> rows, Binder<T> binder) {
        int perStatement = Math.max(1, Math.min(500, 30_000 / columns));
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        for (int start = 0; start < rows.size(); start += perStatement) {
            int from = start;
            List<T> chunk = rows.subList(start, Math.min(rows.size(), start + perStatement));
            String sql = "INSERT INTO " + into + " VALUES " + String.join(", ", Collections.nCopies(chunk.size(), row));
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(sql);
                BinaryProtocol.use(ps);
                for (int i = 0; i < chunk.size(); i++) {
                    binder.bind(ps, i * columns + 1, chunk.get(i), from + i);
                }
                return ps;
            });
        }
    }
}
