package org.hotline.assessment.internal;

import static org.hotline.platform.DbTime.instant;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.hotline.assessment.Facts;
import org.hotline.assessment.Indicator;
import org.hotline.organization.UnitId;
import org.hotline.platform.DbTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;

/**
 * Reads the daily assessment's facts from the records: a handful of range queries, each over all units and
 * all days of the range at once (never one query per order, unit or day), in SQL that runs on PostgreSQL and
 * on H2 in PostgreSQL mode. Every record that moved an indicator comes out as one fact (unit, day, time,
 * order, indicator); counted by unit and day they are the daily assessment, filtered by unit they explain a
 * score, and the ones against a unit are the evidence of its accountability case.
 *
 * <p>Why the rows come here to be counted rather than being grouped in SQL: the day of a fact is the
 * hotline's calendar day ({@code hotline.zone}), and neither database turns a {@code TIMESTAMP WITH TIME ZONE}
 * into a day in a given zone cheaply and the same way (H2 casts through the session's zone and computes an
 * epoch-based day in decimals; PostgreSQL's {@code AT TIME ZONE} does not exist in that form on H2). Measured
 * with AssessmentBenchmark on a year of 150,000 orders, grouping in the database was no faster on PostgreSQL
 * and slower on H2 than streaming the rows, by covering indexes (V11), and counting them here. The evidence of
 * a case needs the rows anyway.
 *
 * <p>Where a fact is only in the history (the lead unit of a dispatch, the two units of an approved return, a
 * late acknowledgement, the unit a redo sent back) it is read from the entry's fact columns ({@code unit_id},
 * {@code other_unit_id}, {@code late}: see {@code HistoryEntry}), never from its display text, which is for people
 * and may be reworded ({@code DailyAssessmentContract.rewordingAHistoryLineDoesNotChangeAnyScore}).
 */
@Component
class FactQueries {

    private static final Logger log = LoggerFactory.getLogger(FactQueries.class);

    /** Receives the facts as they are read. A reader thread has one of its own. */
    interface Sink {
        void fact(UnitId unit, LocalDate day, Instant at, String order, Indicator indicator);
    }

    /** One record behind a unit's facts: the order, when, and the indicators it moved. */
    record FactRow(String orderNumber, LocalDate day, Instant at, Set<Indicator> indicators) {
    }

    /** One unit on one day. */
    record UnitDay(UnitId unit, LocalDate day) {
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final TransactionTemplate readOnly;
    private final ExecutorService secondReader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "assessment-facts");
        t.setDaemon(true);
        return t;
    });

    FactQueries(DataSource dataSource, Clock clock, PlatformTransactionManager transactions) {
        // a year's rows stream through in chunks rather than being held by the driver all at once (PostgreSQL
        // only streams within a transaction: the recompute's own, or the second reader's below). JdbcClient
        // has no fetch size or statement settings of its own: it runs on this template, which sets both on
        // every statement, and hands each row to a RowCallbackHandler as the driver delivers it.
        JdbcTemplate streaming = new JdbcTemplate(dataSource) {
            @Override
            protected void applyStatementSettings(Statement statement) throws SQLException {
                super.applyStatementSettings(statement);
                BinaryProtocol.use(statement);
            }
        };
        streaming.setFetchSize(5_000);
        this.jdbc = JdbcClient.create(streaming);
        this.zone = clock.getZone();
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @PreDestroy
    void stop() {
        secondReader.shutdownNow();
    }

    /**
     * Counts facts by unit and day: per unit one array of the range's days × the indicators, so that counting
     * a fact is an index, not a map entry (a year is a million facts).
     */
    static final class Counter implements Sink {

        private static final Indicator[] INDICATORS = Indicator.values();

        private final long firstDay;
        private final int days;
        private final Map<UnitId, int[]> counts = new HashMap<>();

        /** Counts the facts of the days {@code [from, to)}; a fact of another day is a bug. */
        Counter(LocalDate from, LocalDate to) {
            this.firstDay = from.toEpochDay();
            this.days = Math.toIntExact(to.toEpochDay() - firstDay);
        }

        @Override
        public void fact(UnitId unit, LocalDate day, Instant at, String order, Indicator indicator) {
            long d = day.toEpochDay() - firstDay;
            if (d < 0 || d >= days) {
                throw new IllegalArgumentException("a fact of " + day + " outside the counted days");
            }
            counts.computeIfAbsent(unit, u -> new int[days * INDICATORS.length])[(int) d * INDICATORS.length
                    + indicator.ordinal()]++;
        }

        /** Counts {@code n} of an indicator at once (a day's patrol reports due, say: counts, not records). */
        void add(UnitId unit, LocalDate day, Indicator indicator, int n) {
            if (n == 0) {
                return;
            }
            long d = day.toEpochDay() - firstDay;
            if (d < 0 || d >= days) {
                throw new IllegalArgumentException("a fact of " + day + " outside the counted days");
            }
            counts.computeIfAbsent(unit, u -> new int[days * INDICATORS.length])[(int) d * INDICATORS.length
                    + indicator.ordinal()] += n;
        }

        /** Adds another reader's counts of the same days to these. */
        void addAll(Counter other) {
            if (other.firstDay != firstDay || other.days != days) {
                throw new IllegalArgumentException("counts of other days");
            }
            other.counts.forEach((unit, c) -> {
                int[] mine = counts.computeIfAbsent(unit, u -> new int[c.length]);
                for (int i = 0; i < c.length; i++) {
                    mine[i] += c[i];
                }
            });
        }

        /** The counts of every unit and day that had any. */
        Map<UnitDay, Facts> facts() {
            Map<UnitDay, Facts> facts = new HashMap<>();
            counts.forEach((unit, c) -> {
                for (int d = 0; d < days; d++) {
                    Map<Indicator, Integer> m = null;
                    for (Indicator i : INDICATORS) {
                        int n = c[d * INDICATORS.length + i.ordinal()];
                        if (n != 0) {
                            if (m == null) {
                                m = new EnumMap<>(Indicator.class);
                            }
                            m.put(i, n);
                        }
                    }
                    if (m != null) {
                        facts.put(new UnitDay(unit, LocalDate.ofEpochDay(firstDay + d)), Facts.of(m));
                    }
                }
            });
            return facts;
        }
    }

    /**
     * Reads every fact of every unit in {@code [from, to)} (the hotline's calendar days) with two readers at
     * once, each into a sink of its own from {@code sinks}, and returns those sinks. The machine has two cores,
     * and on PostgreSQL the server decodes while this process counts. {@code now} decides what has come due: an
     * open order past its deadline, a leader sample past its due time.
     */
    <S extends Sink> List<S> readAll(LocalDate from, LocalDate to, Instant now, Supplier<S> sinks) {
        S first = sinks.get();
        S second = sinks.get();
        // the second reader has a read-only transaction of its own (another connection); the sources are split
        // so that both take about as long (measured on a year of 150,000 orders)
        Future<?> other = secondReader.submit(() -> readOnly.executeWithoutResult(status -> {
            Reader r = new Reader(from, to, now, null, second);
            r.history(Action.ACKNOWLEDGE, Action.REDO);
            r.replies();
            r.leaderSamples();
            r.replyQuality();
        }));
        Reader r = new Reader(from, to, now, null, first);
        r.history(Action.DISPATCH, Action.APPROVE_RETURN, Action.REQUEST_RETURN);
        r.callbacks();
        r.overdue();
        r.coUnitParts();
        try {
            other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the assessment facts", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        return List.of(first, second);
    }

    /** Reads the facts of one unit in {@code [from, to)} into {@code sink}, in this thread. */
    void read(UnitId unit, LocalDate from, LocalDate to, Instant now, Sink sink) {
        Reader r = new Reader(from, to, now, unit, sink);
        r.history(Action.DISPATCH, Action.APPROVE_RETURN, Action.REQUEST_RETURN, Action.ACKNOWLEDGE, Action.REDO);
        r.overdue();
        r.coUnitParts();
        r.replies();
        r.callbacks();
        r.leaderSamples();
        r.replyQuality();
    }

    /** The records behind one unit's facts in {@code [from, to)}, oldest first. */
    List<FactRow> rows(UnitId unit, LocalDate from, LocalDate to, Instant now) {
        Map<String, FactRow> rows = new LinkedHashMap<>();
        read(unit, from, to, now, (u, day, at, order, indicator) -> rows.computeIfAbsent(
                order + '|' + at.toEpochMilli() + '|' + day,
                k -> new FactRow(order, day, at, EnumSet.noneOf(Indicator.class))).indicators().add(indicator));
        List<FactRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing(FactRow::at).thenComparing(FactRow::orderNumber));
        return sorted;
    }

    /**
     * The history actions read in bulk ({@code OrderAction} names). They go into the SQL as literals, so that
     * PostgreSQL can prove its partial index on these actions (V19_1) applies.
     */
    private enum Action {
        DISPATCH, APPROVE_RETURN, REQUEST_RETURN, ACKNOWLEDGE, REDO
    }

    /** The queries of one range, for all units or one, delivering facts to one sink. */
    private final class Reader {

        private final MapSqlParameterSource params;
        private final Instant now;
        private final UnitId onlyUnit;
        private final Sink sink;
        private final Map<String, UnitId> units = new HashMap<>();
        /** The last day a fact fell on, and its bounds in epoch seconds: a query's rows come in time order. */
        private LocalDate lastDay;
        private long lastDayStart = Long.MAX_VALUE;
        private long lastDayEnd = Long.MIN_VALUE;

        Reader(LocalDate from, LocalDate to, Instant now, UnitId onlyUnit, Sink sink) {
            this.now = now;
            this.onlyUnit = onlyUnit;
            this.sink = sink;
            this.params = new MapSqlParameterSource()
                    .addValue("from", DbTime.startOfDay(from, zone))
                    .addValue("to", DbTime.startOfDay(to, zone))
                    .addValue("fromDay", from)
                    .addValue("toDay", to)
                    .addValue("now", DbTime.param(now))
                    .addValue("unit", onlyUnit == null ? null : onlyUnit.value());
        }

        /**
         * Dispatches and approved returns (received; the return's two units), acknowledgements (on time or late),
         * return requests, redos (against the unit whose reply was sent back, which is the lead unit the redo
         * concerns): one query per action, read from the entries' facts by V19_1's index alone. Given
         * {@code action IN (…)}, H2 looks up each action and filters the time of every entry it ever had instead
         * of reading the range: a night's eight days took two seconds.
         */
        void history(Action... actions) {
            for (Action action : actions) {
                query("history " + action, """
                        SELECT h.order_number, h.occurred_at, h.unit_id, h.other_unit_id, h.late
                        FROM work_order_history h
                        WHERE h.action = '%s' AND %s
                        """.formatted(action, within("h.occurred_at")),
                        "AND (h.unit_id = :unit OR h.other_unit_id = :unit)", rs -> {
                            String order = rs.getString(1);
                            Instant at = instant(rs, 2);
                            String unit = rs.getString(3);
                            switch (action) {
                                case DISPATCH -> fact(unit, at, order, Indicator.RECEIVED);
                                case APPROVE_RETURN -> {
                                    fact(unit, at, order, Indicator.RETURN_APPROVED);
                                    fact(rs.getString(4), at, order, Indicator.RECEIVED);
                                }
                                case ACKNOWLEDGE -> fact(unit, at, order, rs.getBoolean(5)
                                        ? Indicator.ACKNOWLEDGED_LATE : Indicator.ACKNOWLEDGED_ON_TIME);
                                case REQUEST_RETURN -> fact(unit, at, order, Indicator.RETURN_REQUESTED);
                                case REDO -> fact(unit, at, order, Indicator.REDONE);
                            }
                        });
            }
        }

        /**
         * A reply stood when it is the order's last and the order is replied or closed (not sent back since);
         * only then is the order's handling deadline the one that was in force when it came. The orders
         * replied in the range are read first (their last reply's time and whether it stood on time), and
         * matched to the replies by order and time.
         */
        void replies() {
            Map<String, Instant> stoodOnTime = new HashMap<>();
            // the status is tested here, not in SQL: given a status condition, H2 reads the orders through
            // work_order_by_status instead of the covering index on replied_at
            query("orders replied", """
                    SELECT o.number, o.replied_at, o.handle_deadline, o.status FROM work_order o
                    WHERE %s
                    """.formatted(within("o.replied_at")), "AND o.lead_unit_id = :unit", rs -> {
                        String status = rs.getString(4);
                        Instant replied = instant(rs, 2);
                        if ((status.equals("REPLIED") || status.equals("CLOSED")) && !replied.isAfter(instant(rs, 3))) {
                            stoodOnTime.put(rs.getString(1), replied);
                        }
                    });
            query("replies", """
                    SELECT r.order_number, r.replied_at, r.unit_id, r.citizen_contacted FROM work_order_reply r
                    WHERE %s
                    """.formatted(within("r.replied_at")), "AND r.unit_id = :unit", rs -> {
                        String order = rs.getString(1);
                        Instant at = instant(rs, 2);
                        String unit = rs.getString(3);
                        fact(unit, at, order, Indicator.REPLIED);
                        if (at.equals(stoodOnTime.get(order))) {
                            fact(unit, at, order, Indicator.REPLIED_ON_TIME);
                            if (rs.getBoolean(4)) {
                                fact(unit, at, order, Indicator.RESPONDED);
                            }
                        }
                    });
        }

        /**
         * A reached callback. The quality loop reaches the citizen once per reply (a retry follows only an
         * attempt that did not reach them, and reaching them ends the check); should the records show a reply
         * reached twice within the range, the later answer counts.
         */
        void callbacks() {
            record Reached(String order, Instant at, String unit, boolean resolved, String satisfaction, int attempt) {
            }
            record ReplyOf(String order, int seq) {
            }
            Map<ReplyOf, Reached> latest = new HashMap<>();
            query("callbacks", """
                    SELECT c.order_number, c.attempted_at, c.unit_id, c.resolved, c.satisfaction, c.reply_seq, c.attempt
                    FROM callback_attempt c
                    WHERE c.reached = TRUE AND %s
                    """.formatted(within("c.attempted_at")), "AND c.unit_id = :unit", rs -> {
                        Reached r = new Reached(rs.getString(1), instant(rs, 2), rs.getString(3), rs.getBoolean(4),
                                rs.getString(5), rs.getInt(7));
                        latest.merge(new ReplyOf(r.order(), rs.getInt(6)), r,
                                (a, b) -> a.attempt() >= b.attempt() ? a : b);
                    });
            for (Reached r : latest.values()) {
                fact(r.unit(), r.at(), r.order(),
                        r.resolved() ? Indicator.CALLBACK_RESOLVED : Indicator.CALLBACK_UNRESOLVED);
                fact(r.unit(), r.at(), r.order(), switch (r.satisfaction()) {
                    case "SATISFIED" -> Indicator.SATISFIED;
                    case "BASICALLY_SATISFIED" -> Indicator.BASICALLY_SATISFIED;
                    default -> Indicator.UNSATISFIED;
                });
            }
        }

        /** A co-unit's part delivered (on time or late), and a co-unit written off as non-cooperating. */
        void coUnitParts() {
            query("co-unit parts", """
                    SELECT cu.order_number, cu.submitted_at, cu.unit_id, cu.deadline FROM work_order_co_unit cu
                    WHERE %s
                    """.formatted(within("cu.submitted_at")), "AND cu.unit_id = :unit", rs -> {
                        Instant at = instant(rs, 2);
                        fact(rs.getString(3), at, rs.getString(1),
                                at.isAfter(instant(rs, 4)) ? Indicator.CO_PART_LATE : Indicator.CO_PART_ON_TIME);
                    });
            query("non-cooperation", """
                    SELECT cu.order_number, cu.non_cooperation_at, cu.unit_id FROM work_order_co_unit cu
                    WHERE %s
                    """.formatted(within("cu.non_cooperation_at")), "AND cu.unit_id = :unit",
                    rs -> fact(rs.getString(3), instant(rs, 2), rs.getString(1), Indicator.NON_COOPERATION));
        }

        /** A reply the automatic reply-quality score flagged low (V35 reply_quality), dated by the reply. */
        void replyQuality() {
            query("reply quality", """
                    SELECT q.order_number, q.replied_at, q.unit_id FROM reply_quality q
                    WHERE q.low = TRUE AND %s
                    """.formatted(within("q.replied_at")), "AND q.unit_id = :unit",
                    rs -> fact(rs.getString(3), instant(rs, 2), rs.getString(1), Indicator.REPLY_LOW_QUALITY));
        }

        /** The day's draw: done when signed by its due time; missed once the due time has passed without. */
        void leaderSamples() {
            Map<String, Instant> due = new HashMap<>();
            query("leader draws", """
                    SELECT d.sample_day, d.unit_id, d.due_at FROM leader_sample_draw d
                    WHERE d.sample_day >= :fromDay AND d.sample_day < :toDay
                    """, "AND d.unit_id = :unit",
                    rs -> due.put(DbTime.date(rs, 1) + "|" + rs.getString(2), instant(rs, 3)));
            query("leader samples", """
                    SELECT s.sample_day, s.unit_id, s.order_number, s.completed_at FROM leader_sample s
                    WHERE s.sample_day >= :fromDay AND s.sample_day < :toDay
                    """, "AND s.unit_id = :unit", rs -> {
                        LocalDate day = DbTime.date(rs, 1);
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
            query("overdue", """
                    SELECT o.number, o.handle_deadline, o.lead_unit_id, o.status FROM work_order o
                    WHERE %s AND o.handle_deadline < :now
                      AND (o.status IN ('DISPATCHED', 'IN_PROGRESS')
                           OR (o.status IN ('REPLIED', 'CLOSED') AND o.replied_at > o.handle_deadline))
                    """.formatted(within("o.handle_deadline")), "AND o.lead_unit_id = :unit", rs -> {
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

        /** Runs one source's query; for one unit with {@code unitFilter} appended (the facts are filtered again). */
        private void query(String source, String sql, String unitFilter, RowCallbackHandler handler) {
            long started = System.nanoTime();
            int[] rows = {0};
            jdbc.sql(onlyUnit == null ? sql : sql + unitFilter).paramSource(params).query((RowCallbackHandler) rs -> {
                rows[0]++;
                handler.processRow(rs);
            });
            if (log.isDebugEnabled()) {
                log.debug("{} {}..{}{}: {} rows in {} ms", source, params.getValue("fromDay"), params.getValue("toDay"),
                        onlyUnit == null ? "" : " for " + onlyUnit, rows[0], (System.nanoTime() - started) / 1_000_000);
            }
        }

        private void fact(String unit, Instant at, String order, Indicator indicator) {
            fact(unit, day(at), at, order, indicator);
        }

        /** The hotline's day of {@code at}. */
        private LocalDate day(Instant at) {
            long second = at.getEpochSecond();
            if (second < lastDayStart || second >= lastDayEnd) {
                lastDay = LocalDate.ofInstant(at, zone);
                lastDayStart = lastDay.atStartOfDay(zone).toEpochSecond();
                lastDayEnd = lastDay.plusDays(1).atStartOfDay(zone).toEpochSecond();
            }
            return lastDay;
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

    static String column(Indicator indicator) {
        return indicator.name().toLowerCase(Locale.ROOT);
    }
}
