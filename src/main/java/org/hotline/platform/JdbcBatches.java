package org.hotline.platform;

import java.util.Collection;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * JDBC batches: one statement run with many sets of parameters in one round trip. The repositories speak
 * {@code JdbcClient}, which has no batch API (Spring 6.2); this is the one place they reach past it, to the
 * {@code NamedParameterJdbcTemplate} the {@code JdbcClient} bean is built on, so the statements take the same
 * {@code :named} parameters and run on the same connection and transaction. Writing the rows one statement
 * each instead would cost a round trip per row on the intake path (an order's co-units and history lines).
 */
@Component
public class JdbcBatches {

    private final NamedParameterJdbcOperations jdbc;

    public JdbcBatches(NamedParameterJdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code sql} once for each of {@code rows}, with the parameters {@code params} gives it, as one batch;
     * returns the rows each run changed, in the order of {@code rows}.
     */
    public <T> int[] update(String sql, Collection<T> rows, Function<? super T, ? extends SqlParameterSource> params) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return jdbc.batchUpdate(sql, rows.stream().map(params).toArray(SqlParameterSource[]::new));
    }
}
