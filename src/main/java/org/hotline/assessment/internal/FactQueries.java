package org.hotline.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hotline.assessment.Facts;
import org.hotline.assessment.Indicator;
import org.hotline.organization.UnitId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the daily assessment's facts from the records, set-based, in SQL that runs on PostgreSQL and on H2
 * in PostgreSQL mode. Each {@link Source} is one query that yields a row per record that moved an indicator
 * (unit, day, order, time, and a 0/1 column per indicator it moved). Summed by unit and day, those rows are
 * the daily counts; filtered by unit, they are the explanation of a score: the orders behind each count.
 *
 * <p>Days are the hotline's calendar days ({@code hotline.zone}). Both databases would convert a
 * {@code TIMESTAMP WITH TIME ZONE} to a date in the session's time zone, which is the server's business, so
 * the day is computed from the epoch seconds plus the zone's UTC offset instead; a range that spans a change
 * of offset (not in China since 1991, but the zone is configurable) is read in pieces of constant offset.
 *
 * <p>Where a fact is only in the history: the lead unit of a dispatch and the two units of an approved return
 * are written by {@code WorkOrder.dispatch} and {@code WorkOrder.approveReturn} into the entry's detail
 * ({@code 主办：<unit>[；协办：…]}, {@code 原承办：<unit>；改派：<unit>}), and a late acknowledgement is the
 * only one whose detail is set ({@code 超时签收}). The integration tests build orders through the real
 * aggregate, so a change of those texts fails there.
 */
@Component
class FactQueries {

    private static final String DISPATCH_LEAD = "CASE WHEN POSITION('；' IN h.detail) > 0"
            + " THEN SUBSTRING(h.detail FROM 4 FOR POSITION('；' IN h.detail) - 4) ELSE SUBSTRING(h.detail FROM 4) END";
    private static final String RETURN_TO = "SUBSTRING(h.detail FROM POSITION('；改派：' IN h.detail) + 4)";
    private static final String RETURN_FROM = "SUBSTRING(h.detail FROM 5 FOR POSITION('；' IN h.detail) - 5)";
    private static final String RANGE = " >= :from AND %s < :to";

    /** One query over the records; {@code select} holds {@code ${day}} and {@code ${unit}} placeholders. */
    record Source(String name, String unitExpression, String timeColumn, boolean datedByDay,
            List<Indicator> indicators, String select) {
    }

    static final List<Source> SOURCES = List.of(
            // an order dispatched to the unit as lead, or re-dispatched to it after another unit's return
            new Source("received",
                    "CASE WHEN h.action = 'DISPATCH' THEN " + DISPATCH_LEAD + " ELSE " + RETURN_TO + " END",
                    "h.occurred_at", false, List.of(Indicator.RECEIVED), """
                    SELECT ${unitExpr} AS unit_id, ${day} AS day_no, h.order_number, h.occurred_at, 1 AS received
                    FROM work_order_history h
                    WHERE h.action IN ('DISPATCH', 'APPROVE_RETURN') AND h.occurred_at${range} ${unit}
                    """),
            // what the lead unit did itself, and the return the center approved for it
            new Source("unit-actions",
                    "CASE WHEN h.action = 'APPROVE_RETURN' THEN " + RETURN_FROM + " ELSE h.actor_unit END",
                    "h.occurred_at", false, List.of(Indicator.ACKNOWLEDGED_ON_TIME, Indicator.ACKNOWLEDGED_LATE,
                            Indicator.RETURN_REQUESTED, Indicator.RETURN_APPROVED), """
                    SELECT ${unitExpr} AS unit_id, ${day} AS day_no, h.order_number, h.occurred_at,
                      CASE WHEN h.action = 'ACKNOWLEDGE' AND h.detail IS NULL THEN 1 ELSE 0 END AS acknowledged_on_time,
                      CASE WHEN h.action = 'ACKNOWLEDGE' AND h.detail IS NOT NULL THEN 1 ELSE 0 END AS acknowledged_late,
                      CASE WHEN h.action = 'REQUEST_RETURN' THEN 1 ELSE 0 END AS return_requested,
                      CASE WHEN h.action = 'APPROVE_RETURN' THEN 1 ELSE 0 END AS return_approved
                    FROM work_order_history h
                    WHERE h.action IN ('ACKNOWLEDGE', 'REQUEST_RETURN', 'APPROVE_RETURN')
                      AND h.occurred_at${range} ${unit}
                    """),
            // a redo counts against the unit whose reply was sent back: the last reply before it
            new Source("redone", "r.unit_id", "h.occurred_at", false, List.of(Indicator.REDONE), """
                    SELECT ${unitExpr} AS unit_id, ${day} AS day_no, h.order_number, h.occurred_at, 1 AS redone
                    FROM work_order_history h
                    JOIN work_order_reply r ON r.order_number = h.order_number
                     AND r.seq = (SELECT MAX(p.seq) FROM work_order_reply p
                                  WHERE p.order_number = h.order_number AND p.replied_at <= h.occurred_at)
                    WHERE h.action = 'REDO' AND h.occurred_at${range} ${unit}
                    """),
            // a reply stood when it is the order's last and the order is replied or closed (not redone since);
            // only then is the order's handling deadline the one that was in force when it came
            new Source("replies", "r.unit_id", "r.replied_at", false,
                    List.of(Indicator.REPLIED, Indicator.REPLIED_ON_TIME, Indicator.RESPONDED), """
                    SELECT ${unitExpr} AS unit_id, ${day} AS day_no, r.order_number, r.replied_at AS occurred_at,
                      1 AS replied,
                      CASE WHEN o.status IN ('REPLIED', 'CLOSED') AND r.replied_at = o.replied_at
                                AND r.replied_at <= o.handle_deadline THEN 1 ELSE 0 END AS replied_on_time,
                      CASE WHEN o.status IN ('REPLIED', 'CLOSED') AND r.replied_at = o.replied_at
                                AND r.replied_at <= o.handle_deadline AND r.citizen_contacted = TRUE
                           THEN 1 ELSE 0 END AS responded
                    FROM work_order_reply r
                    JOIN work_order o ON o.number = r.order_number
                    WHERE r.replied_at${range} ${unit}
                    """),
            // a reached callback; when the citizen was reached twice about one reply, the later answer counts
            new Source("callbacks", "c.unit_id", "c.attempted_at", false,
                    List.of(Indicator.CALLBACK_RESOLVED, Indicator.CALLBACK_UNRESOLVED, Indicator.SATISFIED,
                            Indicator.BASICALLY_SATISFIED, Indicator.UNSATISFIED), """
                    SELECT ${unitExpr} AS unit_id, ${day} AS day_no, c.order_number, c.attempted_at AS occurred_at,
                      CASE WHEN c.resolved = TRUE THEN 1 ELSE 0 END AS callback_resolved,
                      CASE WHEN c.resolved = TRUE THEN 0 ELSE 1 END AS callback_unresolved,
                      CASE WHEN c.satisfaction = 'SATISFIED' THEN 1 ELSE 0 END AS satisfied,
                      CASE WHEN c.satisfaction = 'BASICALLY_SATISFIED' THEN 1 ELSE 0 END AS basically_satisfied,
                      CASE WHEN c.satisfaction = 'UNSATISFIED' THEN 1 ELSE 0 END AS unsatisfied
                    FROM callback_attempt c
                    WHERE c.reached = TRUE AND c.attempted_at${range} ${unit}
                      AND NOT EXISTS (SELECT 1 FROM callback_attempt l
                                      WHERE l.order_number = c.order_number AND l.reply_seq = c.reply_seq
                                        AND l.attempt > c.attempt AND l.reached = TRUE)
                    """),
            new Source("co-parts", "cu.unit_id", "cu.submitted_at", false,
                    List.of(Indicator.CO_PART_ON_TIME, Indicator.CO_PART_LATE), """
                    SELECT ${unitExpr} AS unit_id, ${day} AS day_no, cu.order_number, cu.submitted_at AS occurred_at,
                      CASE WHEN cu.submitted_at <= cu.deadline THEN 1 ELSE 0 END AS co_part_on_time,
                      CASE WHEN cu.submitted_at > cu.deadline THEN 1 ELSE 0 END AS co_part_late
                    FROM work_order_co_unit cu
                    WHERE cu.submitted_at${range} ${unit}
                    """),
            new Source("non-cooperation", "cu.unit_id", "cu.non_cooperation_at", false,
                    List.of(Indicator.NON_COOPERATION), """
                    SELECT ${unitExpr} AS unit_id, ${day} AS day_no, cu.order_number,
                      cu.non_cooperation_at AS occurred_at, 1 AS non_cooperation
                    FROM work_order_co_unit cu
                    WHERE cu.non_cooperation_at${range} ${unit}
                    """),
            // the day's draw: done when signed by its due time; missed once the due time has passed without
            new Source("leader-samples", "s.unit_id", null, true,
                    List.of(Indicator.SAMPLE_COMPLETED, Indicator.SAMPLE_MISSED), """
                    SELECT ${unitExpr} AS unit_id, s.sample_day AS fact_day, s.order_number,
                      COALESCE(s.completed_at, d.due_at) AS occurred_at,
                      CASE WHEN s.completed_at IS NOT NULL AND s.completed_at <= d.due_at THEN 1 ELSE 0 END
                        AS sample_completed,
                      CASE WHEN (s.completed_at IS NULL OR s.completed_at > d.due_at) AND d.due_at < :now
                           THEN 1 ELSE 0 END AS sample_missed
                    FROM leader_sample s
                    JOIN leader_sample_draw d ON d.sample_day = s.sample_day AND d.unit_id = s.unit_id
                    WHERE s.sample_day >= :fromDay AND s.sample_day < :toDay ${unit}
                    """),
            // dated by the deadline in force: passed with no reply by then, whether answered late or not at all;
            // a return under review pauses the clock and a merged order follows its master, so neither counts
            new Source("overdue", "o.lead_unit_id", "o.handle_deadline", false,
                    List.of(Indicator.OVERDUE, Indicator.OVERDUE_UNANSWERED), """
                    SELECT ${unitExpr} AS unit_id, ${day} AS day_no, o.number AS order_number,
                      o.handle_deadline AS occurred_at, 1 AS overdue,
                      CASE WHEN o.status IN ('DISPATCHED', 'IN_PROGRESS') THEN 1 ELSE 0 END AS overdue_unanswered
                    FROM work_order o
                    WHERE o.handle_deadline${range} AND o.handle_deadline < :now
                      AND (o.status IN ('DISPATCHED', 'IN_PROGRESS')
                           OR (o.status IN ('REPLIED', 'CLOSED') AND o.replied_at > o.handle_deadline)) ${unit}
                    """));

    /** One unit on one day. */
    record UnitDay(UnitId unit, LocalDate day) {
    }

    /** One record behind a unit's facts: the order, when, and the indicators it moved. */
    record FactRow(String orderNumber, LocalDate day, Instant at, Set<Indicator> indicators) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    FactQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    /** Every unit's counts for every day in {@code [from, to)} on which it had any, as of {@code now}. */
    Map<UnitDay, Facts> counts(LocalDate from, LocalDate to, Instant now) {
        Map<UnitDay, EnumMap<Indicator, Integer>> counts = new HashMap<>();
        for (Source source : SOURCES) {
            for (Piece piece : pieces(source, from, to)) {
                String sums = String.join(", ", source.indicators().stream()
                        .map(i -> "SUM(" + column(i) + ") AS " + column(i)).toList());
                String dayColumn = source.datedByDay() ? "fact_day" : "day_no";
                String sql = "SELECT unit_id, " + dayColumn + ", " + sums + " FROM (" + piece.sql(null)
                        + ") f WHERE unit_id IS NOT NULL GROUP BY unit_id, " + dayColumn;
                jdbc.query(sql, piece.params(now), rs -> {
                    UnitDay key = new UnitDay(new UnitId(rs.getString("unit_id")), day(rs, source));
                    EnumMap<Indicator, Integer> c = counts.computeIfAbsent(key, k -> new EnumMap<>(Indicator.class));
                    for (Indicator i : source.indicators()) {
                        c.merge(i, rs.getInt(column(i)), Integer::sum);
                    }
                });
            }
        }
        Map<UnitDay, Facts> facts = new HashMap<>();
        counts.forEach((k, c) -> {
            Facts f = Facts.of(c);
            if (!f.isEmpty()) {
                facts.put(k, f);
            }
        });
        return facts;
    }

    /** The records behind one unit's facts in {@code [from, to)}, oldest first. */
    List<FactRow> rows(UnitId unit, LocalDate from, LocalDate to, Instant now) {
        List<FactRow> rows = new ArrayList<>();
        for (Source source : SOURCES) {
            for (Piece piece : pieces(source, from, to)) {
                MapSqlParameterSource params = piece.params(now).addValue("unit", unit.value());
                jdbc.query(piece.sql(source.unitExpression()), params, rs -> {
                    Set<Indicator> moved = EnumSet.noneOf(Indicator.class);
                    for (Indicator i : source.indicators()) {
                        if (rs.getInt(column(i)) != 0) {
                            moved.add(i);
                        }
                    }
                    if (!moved.isEmpty()) {
                        rows.add(new FactRow(rs.getString("order_number"), day(rs, source),
                                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), moved));
                    }
                });
            }
        }
        rows.sort(Comparator.comparing(FactRow::at).thenComparing(FactRow::orderNumber));
        return rows;
    }

    static String column(Indicator indicator) {
        return indicator.name().toLowerCase(Locale.ROOT);
    }

    private LocalDate day(ResultSet rs, Source source) throws SQLException {
        return source.datedByDay() ? rs.getObject("fact_day", LocalDate.class)
                : LocalDate.ofEpochDay(rs.getLong("day_no"));
    }

    /** A source's query over a stretch of time in which the zone's offset does not change. */
    private record Piece(Source source, Instant from, Instant to, LocalDate fromDay, LocalDate toDay,
            int offsetSeconds) {

        String sql(String unitFilterExpression) {
            String day = source.timeColumn() == null ? "NULL"
                    : "CAST(FLOOR((EXTRACT(EPOCH FROM " + source.timeColumn() + ") + " + offsetSeconds
                            + ") / 86400) AS BIGINT)";
            return source.select()
                    .replace("${unitExpr}", source.unitExpression())
                    .replace("${day}", day)
                    .replace("${range}", RANGE.formatted(source.timeColumn() == null ? "" : source.timeColumn()))
                    .replace("${unit}", unitFilterExpression == null ? "" : "AND " + unitFilterExpression + " = :unit");
        }

        MapSqlParameterSource params(Instant now) {
            return new MapSqlParameterSource()
                    .addValue("from", from.atOffset(ZoneOffset.UTC))
                    .addValue("to", to.atOffset(ZoneOffset.UTC))
                    .addValue("fromDay", fromDay)
                    .addValue("toDay", toDay)
                    .addValue("now", now.atOffset(ZoneOffset.UTC));
        }
    }

    private List<Piece> pieces(Source source, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.atStartOfDay(zone).toInstant();
        if (source.datedByDay()) {
            return List.of(new Piece(source, start, end, from, to, 0));
        }
        List<Piece> pieces = new ArrayList<>();
        Instant pieceStart = start;
        while (pieceStart.isBefore(end)) {
            ZoneOffsetTransition next = zone.getRules().nextTransition(pieceStart);
            Instant pieceEnd = next == null || !next.getInstant().isBefore(end) ? end : next.getInstant();
            int offset = zone.getRules().getOffset(pieceStart).getTotalSeconds();
            pieces.add(new Piece(source, pieceStart, pieceEnd, from, to, offset));
            pieceStart = pieceEnd;
        }
        return pieces;
    }
}
