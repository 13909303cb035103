package org.hotline.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline.assessment.Facts;
import org.hotline.assessment.Indicator;
import org.hotline.organization.UnitId;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the daily assessment's facts from the records: a handful of range queries, each over all units and
 * all days of the range at once (never one query per order, unit or day), in SQL that runs on PostgreSQL and
 * on H2 in PostgreSQL mode. Every record that moved an indicator comes out as one fact (unit, day, time,
 * order, indicator); counted by unit and day they are the daily assessment, filtered by unit they explain a
 * score, and the ones against a unit are the evidence of its accountability case.
 *
 * <p>Why the day and the units are worked out here and not in SQL: both databases convert a
 * {@code TIMESTAMP WITH TIME ZONE} to a date in the session's time zone, which is the server's business, and
 * H2 computes a zone-correct day per row from epoch seconds slowly (decimal arithmetic): on a year of 150,000
 * orders, reading the rows and bucketing them here was about twice as fast as grouping in H2. The queries still
 * select only the rows of the range, by index, and the joins are done by the database.
 *
 * <p>Where a fact is only in the history: the lead unit of a dispatch and the two units of an approved return
 * are written by {@code WorkOrder.dispatch} and {@code WorkOrder.approveReturn} into the entry's detail
 * ({@code 主办：<unit>[；协办：…]}, {@code 原承办：<unit>；改派：<unit>}), and a late acknowledgement is the only
 * one whose detail is set ({@code 超时签收}). The integration tests build orders through the real aggregate,
 * so a change of those texts fails there.
 */
@Component
class FactQueries {

    /** Receives the facts as they are read. */
    interface Sink {
        void fact(UnitId unit, LocalDate day, Instant at, String order, Indicator indicator);
    }

    /** One record behind a unit's facts: the order, when, and the indicators it moved. */
    record FactRow(String orderNumber, LocalDate day, Instant at, Set<Indicator> indicators) {
    }

    /** One unit on one day. */
    record UnitDay(UnitId unit, LocalDate day) {
    }

    private static final String DISPATCH = "DISPATCH";
    private static final String APPROVE_RETURN = "APPROVE_RETURN";
    private static final String REQUEST_RETURN = "REQUEST_RETURN";
    private static final String ACKNOWLEDGE = "ACKNOWLEDGE";

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    private final TransactionTemplate readOnly;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "assessment-facts");
        t.setDaemon(true);
        return t;
    });

    FactQueries(DataSource dataSource, Clock clock, PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // a year's rows stream through in chunks rather than being held by the driver all at once
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(5_000);
        this.jdbc = new NamedParameterJdbcTemplate(streaming);
        this.zone = clock.getZone();
    }

    /** Every unit's counts for every day in {@code [from, to)} on which it had any, as of {@code now}. */
    Map<UnitDay, Facts> counts(LocalDate from, LocalDate to, Instant now) {
        Counter counter = new Counter();
        read(from, to, now, null, counter);
        return counter.facts();
    }

    /** The records behind one unit's facts in {@code [from, to)}, oldest first. */
    List<FactRow> rows(UnitId unit, LocalDate from, LocalDate to, Instant now) {
        Map<String, FactRow> rows = new LinkedHashMap<>();
        read(from, to, now, unit, (u, day, at, order, indicator) -> rows.computeIfAbsent(
                order + '|' + at.toEpochMilli() + '|' + day,
                k -> new FactRow(order, day, at, EnumSet.noneOf(Indicator.class))).indicators().add(indicator));
        List<FactRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing(FactRow::at).thenComparing(FactRow::orderNumber));
        return sorted;
    }

    /** Counts facts by unit and day. */
    static final class Counter implements Sink {

        private final Map<UnitDay, int[]> counts = new HashMap<>();

        @Override
        public void fact(UnitId unit, LocalDate day, Instant at, String order, Indicator indicator) {
            counts.computeIfAbsent(new UnitDay(unit, day), k -> new int[Indicator.values().length])[indicator.ordinal()]++;
        }

        Map<UnitDay, Facts> facts() {
            Map<UnitDay, Facts> facts = new HashMap<>();
            counts.forEach((key, c) -> {
                Map<Indicator, Integer> m = new java.util.EnumMap<>(Indicator.class);
                for (Indicator i : Indicator.values()) {
                    m.put(i, c[i.ordinal()]);
                }
                facts.put(key, Facts.of(m));
            });
            return facts;
        }
    }

    /**
     * Reads every fact of {@code [from, to)} (the hotline's calendar days), of all units or of {@code onlyUnit},
     * into {@code sink}. {@code now} decides what has come due: an open order past its deadline, a leader sample
     * past its due time.
     */
    void read(LocalDate from, LocalDate to, Instant now, UnitId onlyUnit, Sink sink) {
        if (onlyUnit != null) {
            Reader r = new Reader(from, to, now, onlyUnit, sink);
            r.history(DISPATCH, APPROVE_RETURN, REQUEST_RETURN, ACKNOWLEDGE);
            r.redos();
            r.overdue();
            r.coUnitParts();
            r.replies();
            r.callbacks();
            r.leaderSamples();
            return;
        }
        // All units: the database works on two halves at once (the machine has two cores, and on PostgreSQL the
        // server decodes while this process counts). The second half reads in its own read-only transaction.
        Sink shared = (unit, day, at, order, indicator) -> {
            synchronized (sink) {
                sink.fact(unit, day, at, order, indicator);
            }
        };
        Future<?> second = worker.submit(() -> readOnly.executeWithoutResult(status -> {
            Reader r = new Reader(from, to, now, null, shared);
            r.history(ACKNOWLEDGE);
            r.replies();
            r.leaderSamples();
        }));
        Reader r = new Reader(from, to, now, null, shared);
        r.history(DISPATCH, APPROVE_RETURN, REQUEST_RETURN);
        r.callbacks();
        r.redos();
        r.overdue();
        r.coUnitParts();
        try {
            second.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the assessment facts", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private final class Reader {

        private final MapSqlParameterSource params;
        private final UnitId onlyUnit;
        private final Sink sink;
        private final Map<String, UnitId> units = new java.util.concurrent.ConcurrentHashMap<>();

        Reader(LocalDate from, LocalDate to, Instant now, UnitId onlyUnit, Sink sink) {
            this.onlyUnit = onlyUnit;
            this.sink = sink;
            this.params = new MapSqlParameterSource()
                    .addValue("from", from.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC))
                    .addValue("to", to.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC))
                    .addValue("fromDay", from)
                    .addValue("toDay", to)
                    .addValue("now", now.atOffset(ZoneOffset.UTC))
                    .addValue("unit", onlyUnit == null ? null : onlyUnit.value())
                    .addValue("unitLike", onlyUnit == null ? null : "%" + onlyUnit.value() + "%");
        }

        /** Dispatches, approved returns (two units each), acknowledgements, return requests. */
        void history(String... actions) {
            query("""
                    SELECT h.order_number, h.action, h.occurred_at, h.actor_unit, h.detail
                    FROM work_order_history h
                    WHERE h.action IN (%s) AND %s
                    """.formatted(String.join(", ", java.util.Arrays.stream(actions).map(a -> "'" + a + "'").toList()),
                            within("h.occurred_at")), "AND (h.actor_unit = :unit OR h.detail LIKE :unitLike)", rs -> {
                        String order = rs.getString(1);
                        String action = rs.getString(2);
                        Instant at = instant(rs, 3);
                        String detail = rs.getString(5);
                        switch (action) {
                            case "DISPATCH" -> fact(dispatchLead(detail), at, order, Indicator.RECEIVED);
                            case "APPROVE_RETURN" -> {
                                int split = detail.indexOf('；');
                                fact(detail.substring(4, split), at, order, Indicator.RETURN_APPROVED);
                                fact(detail.substring(split + 4), at, order, Indicator.RECEIVED);
                            }
                            case "ACKNOWLEDGE" -> fact(rs.getString(4), at, order,
                                    detail == null ? Indicator.ACKNOWLEDGED_ON_TIME : Indicator.ACKNOWLEDGED_LATE);
                            case "REQUEST_RETURN" -> fact(rs.getString(4), at, order, Indicator.RETURN_REQUESTED);
                            default -> throw new IllegalStateException("unexpected action " + action);
                        }
                    });
        }

        /**
         * A redo counts against the order's lead unit, whose reply was sent back: after a reply the lead unit
         * only changes by a return, which the return window (2 working days from the first dispatch) leaves
         * no time for in practice.
         */
        void redos() {
            query("""
                    SELECT h.order_number, h.occurred_at, o.lead_unit_id
                    FROM work_order_history h JOIN work_order o ON o.number = h.order_number
                    WHERE h.action = 'REDO' AND %s
                    """.formatted(within("h.occurred_at")), "AND o.lead_unit_id = :unit",
                    rs -> fact(rs.getString(3), instant(rs, 2), rs.getString(1), Indicator.REDONE));
        }

        /**
         * A reply stood when it is the order's last and the order is replied or closed (not sent back since);
         * only then is the order's handling deadline the one that was in force when it came. The replies that
         * stood on time are read from the orders, and matched to the replies by order and time.
         */
        void replies() {
            Set<String> stoodOnTime = new HashSet<>();
            query("""
                    SELECT o.number, o.replied_at FROM work_order o
                    WHERE %s AND %s IN ('REPLIED', 'CLOSED') AND o.replied_at <= o.handle_deadline
                    """.formatted(within("o.replied_at"), filter("o.status")), "AND o.lead_unit_id = :unit",
                    rs -> stoodOnTime.add(rs.getString(1) + '|' + instant(rs, 2).toEpochMilli()));
            query("""
                    SELECT r.order_number, r.replied_at, r.unit_id, r.citizen_contacted FROM work_order_reply r
                    WHERE %s
                    """.formatted(within("r.replied_at")), "AND r.unit_id = :unit", rs -> {
                        String order = rs.getString(1);
                        Instant at = instant(rs, 2);
                        String unit = rs.getString(3);
                        fact(unit, at, order, Indicator.REPLIED);
                        if (stoodOnTime.contains(order + '|' + at.toEpochMilli())) {
                            fact(unit, at, order, Indicator.REPLIED_ON_TIME);
                            if (rs.getBoolean(4)) {
                                fact(unit, at, order, Indicator.RESPONDED);
                            }
                        }
                    });
        }

        /**
         * A reached callback. The citizen is reached once per reply (a retry follows only an unreached attempt);
         * should a reply have been reached twice within the range, the later answer counts.
         */
        void callbacks() {
            Map<String, Object[]> latest = new LinkedHashMap<>();
            query("""
                    SELECT c.order_number, c.attempted_at, c.unit_id, c.resolved, c.satisfaction, c.reply_seq, c.attempt
                    FROM callback_attempt c
                    WHERE c.reached = TRUE AND %s
                    """.formatted(within("c.attempted_at")), "AND c.unit_id = :unit", rs -> {
                        Object[] row = {rs.getString(1), instant(rs, 2), rs.getString(3), rs.getBoolean(4),
                                rs.getString(5), rs.getInt(7)};
                        latest.merge(row[0] + "|" + rs.getInt(6), row,
                                (a, b) -> (int) a[5] >= (int) b[5] ? a : b);
                    });
            for (Object[] row : latest.values()) {
                String order = (String) row[0];
                Instant at = (Instant) row[1];
                String unit = (String) row[2];
                fact(unit, at, order, (boolean) row[3] ? Indicator.CALLBACK_RESOLVED : Indicator.CALLBACK_UNRESOLVED);
                fact(unit, at, order, switch ((String) row[4]) {
                    case "SATISFIED" -> Indicator.SATISFIED;
                    case "BASICALLY_SATISFIED" -> Indicator.BASICALLY_SATISFIED;
                    default -> Indicator.UNSATISFIED;
                });
            }
        }

        /** A co-unit's part delivered (on time or late), and a co-unit written off as non-cooperating. */
        void coUnitParts() {
            query("""
                    SELECT cu.order_number, cu.submitted_at, cu.unit_id, cu.deadline FROM work_order_co_unit cu
                    WHERE %s
                    """.formatted(within("cu.submitted_at")), "AND cu.unit_id = :unit", rs -> {
                        Instant at = instant(rs, 2);
                        fact(rs.getString(3), at, rs.getString(1),
                                at.isAfter(instant(rs, 4)) ? Indicator.CO_PART_LATE : Indicator.CO_PART_ON_TIME);
                    });
            query("""
                    SELECT cu.order_number, cu.non_cooperation_at, cu.unit_id FROM work_order_co_unit cu
                    WHERE %s
                    """.formatted(within("cu.non_cooperation_at")), "AND cu.unit_id = :unit",
                    rs -> fact(rs.getString(3), instant(rs, 2), rs.getString(1), Indicator.NON_COOPERATION));
        }

        /** The day's draw: done when signed by its due time; missed once the due time has passed without. */
        void leaderSamples() {
            Map<String, Instant> due = new HashMap<>();
            query("""
                    SELECT d.sample_day, d.unit_id, d.due_at FROM leader_sample_draw d
                    WHERE d.sample_day >= :fromDay AND d.sample_day < :toDay
                    """, "AND d.unit_id = :unit",
                    rs -> due.put(rs.getObject(1, LocalDate.class) + "|" + rs.getString(2), instant(rs, 3)));
            Instant now = ((OffsetDateTime) params.getValue("now")).toInstant();
            query("""
                    SELECT s.sample_day, s.unit_id, s.order_number, s.completed_at FROM leader_sample s
                    WHERE s.sample_day >= :fromDay AND s.sample_day < :toDay
                    """, "AND s.unit_id = :unit", rs -> {
                        LocalDate day = rs.getObject(1, LocalDate.class);
                        String unit = rs.getString(2);
                        Instant dueAt = due.get(day + "|" + unit);
                        Instant completed = instant(rs, 4);
                        if (completed != null && !completed.isAfter(dueAt)) {
                            fact(unit, day, completed, rs.getString(3), Indicator.SAMPLE_COMPLETED);
                        } else if (dueAt.isBefore(now)) {
                            fact(unit, day, dueAt, rs.getString(3), Indicator.SAMPLE_MISSED);
                        }
                    });
        }

        /**
         * Dated by the deadline in force: passed with no reply by then, whether answered late or not at all. A
         * return under review pauses the clock and a merged order follows its master, so neither counts.
         */
        void overdue() {
            query("""
                    SELECT o.number, o.handle_deadline, o.lead_unit_id, o.status FROM work_order o
                    WHERE %1$s AND o.handle_deadline < :now
                      AND (%2$s IN ('DISPATCHED', 'IN_PROGRESS')
                           OR (%2$s IN ('REPLIED', 'CLOSED') AND o.replied_at > o.handle_deadline))
                    """.formatted(within("o.handle_deadline"), filter("o.status")), "AND o.lead_unit_id = :unit", rs -> {
                        String order = rs.getString(1);
                        Instant at = instant(rs, 2);
                        String unit = rs.getString(3);
                        fact(unit, at, order, Indicator.OVERDUE);
                        String status = rs.getString(4);
                        if (status.equals("DISPATCHED") || status.equals("IN_PROGRESS")) {
                            fact(unit, at, order, Indicator.OVERDUE_UNANSWERED);
                        }
                    });
        }

        private String within(String column) {
            return "%1$s >= :from AND %1$s < :to".formatted(column);
        }

        /**
         * A status condition that must only filter: H2's planner would otherwise read the orders through
         * {@code work_order_by_status} instead of the covering index on time. The statuses are upper-case
         * names, so {@code UPPER} changes nothing but hides the column from the planner (H2 folds {@code || ''}).
         */
        private String filter(String column) {
            return "UPPER(" + column + ")";
        }

        private void query(String sql, String unitFilter, RowCallbackHandler handler) {
            jdbc.query(onlyUnit == null ? sql : sql + unitFilter, params, handler);
        }

        private void fact(String unit, Instant at, String order, Indicator indicator) {
            fact(unit, LocalDate.ofInstant(at, zone), at, order, indicator);
        }

        private void fact(String unit, LocalDate day, Instant at, String order, Indicator indicator) {
            if (unit == null) {
                return;
            }
            UnitId id = units.computeIfAbsent(unit, UnitId::new);
            if (onlyUnit == null || onlyUnit.equals(id)) {
                sink.fact(id, day, at, order, indicator);
            }
        }
    }

    /** {@code 主办：<unit>} or {@code 主办：<unit>；协办：…}, as {@code WorkOrder.dispatch} writes it. */
    static String dispatchLead(String detail) {
        int end = detail.indexOf('；');
        return end < 0 ? detail.substring(3) : detail.substring(3, end);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static String column(Indicator indicator) {
        return indicator.name().toLowerCase(java.util.Locale.ROOT);
    }
}
