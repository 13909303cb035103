package org.hotline.workorder.internal;

import static org.hotline.platform.DbTime.instant;

import java.util.List;

import org.hotline.deadline.Deadlines;
import org.hotline.platform.DbTime;
import org.hotline.platform.JdbcBatches;
import org.hotline.workorder.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the orders written before V27 their at-risk moment ({@code work_order.at_risk_from}), computed by the
 * same {@link JdbcWorkOrders#atRiskFrom} the repository writes it with. Only orders whose clock runs need it
 * (closed ones are never at risk again), so this is a few thousand rows once, in batches, after startup. It
 * touches only the derived column, never the order's version: a user's change meanwhile writes the same value.
 * Several instances starting at once compute the same values; the second write changes nothing.
 */
@Component
class AtRiskBackfill {

    private static final Logger log = LoggerFactory.getLogger(AtRiskBackfill.class);
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcBatches batches;
    private final Deadlines deadlines;

    AtRiskBackfill(JdbcClient jdbc, JdbcBatches batches, Deadlines deadlines) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.deadlines = deadlines;
    }

    private record Running(String number, java.time.Instant dispatchedAt, java.time.Instant handleDeadline) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void fill() {
        try {
            int filled = fillMissing();
            if (filled > 0) {
                log.info("Work orders: the at-risk moment of {} running orders filled in", filled);
            }
        } catch (RuntimeException e) {
            // the orders keep counting as not at risk until the next start; nothing else depends on it
            log.warn("Could not fill in the at-risk moment of older orders: {}", e.getMessage());
        }
    }

    /** Fills the column for every running order without it; answers how many. */
    int fillMissing() {
        int filled = 0;
        while (true) {
            List<Running> missing = jdbc.sql("SELECT number, dispatched_at, handle_deadline FROM work_order"
                    + " WHERE status IN (:handling) AND at_risk_from IS NULL AND dispatched_at IS NOT NULL"
                    + " AND handle_deadline >= dispatched_at ORDER BY number LIMIT :limit")
                    .param("handling", OrderStatus.handling().stream().map(Enum::name).toList())
                    .param("limit", BATCH)
                    .query((rs, i) -> new Running(rs.getString("number"), instant(rs, "dispatched_at"),
                            instant(rs, "handle_deadline"))).list();
            if (missing.isEmpty()) {
                return filled;
            }
            batches.update("UPDATE work_order SET at_risk_from = :atRisk WHERE number = :number"
                    + " AND at_risk_from IS NULL", missing, c -> new MapSqlParameterSource()
                            .addValue("number", c.number())
                            .addValue("atRisk", DbTime.param(JdbcWorkOrders.atRiskFrom(deadlines, c.dispatchedAt(),
                                    c.handleDeadline()))));
            filled += missing.size();
            if (missing.size() < BATCH) {
                return filled;
            }
        }
    }
}
