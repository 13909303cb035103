package org.hotline.statistics.internal;

import static org.hotline.platform.DbTime.instant;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.hotline.platform.DbTime;
import org.hotline.statistics.CallbackResults;
import org.hotline.statistics.DateRange;
import org.hotline.statistics.Dimension;
import org.hotline.statistics.OverdueKind;
import org.hotline.statistics.ReportFilter;
import org.hotline.workorder.OrderAction;
import org.hotline.workorder.OrderStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * The counting, in set-based SQL common to PostgreSQL and H2 (PostgreSQL mode): every query groups or pages
 * in the database and returns at most one row per key, day or listed order, never the orders themselves.
 * The arithmetic on the counts (shares, rates, changes) is left to the rules of the statistics package.
 *
 * <p>Days are the hotline's days: {@code t AT TIME ZONE 'Asia/Shanghai'} is the local time on both databases
 * (PostgreSQL: a timestamp without zone; H2: the same moment at +08:00). Turning it into a day is the one
 * place where the SQL differs by database. PostgreSQL casts it to a DATE. H2 would cast through the session's
 * zone and put 23:30 Beijing time on the UTC day ({@code StatisticsQueriesContract} catches that), so on H2
 * the day is read with {@code EXTRACT} as the number yyyymmdd; on PostgreSQL that form is correct too but took
 * twice as long (three zone conversions per row; {@code StatisticsBenchmark}). The zone is written into the
 * SQL rather than bound, so that the grouped expression and the selected one are the same text (PostgreSQL
 * requires that); it comes from configuration, is checked to be a region id, and never from a request.
 *
 * <p>Reads the work-order tables (the history for the director's overrides, by their action; what each order
 * became at intake, V22), {@code callback_attempt}, the V7 contract the quality module writes, and
 * {@code triage_record}, the V22 record of triage's suggestions the triage module writes. Invalid calls
 * (intake outcome INVALID) are no citizen appeals: the order counts leave them out.
 */
@Repository
class StatisticsQueries {

    /** Statuses in which the unit's handling clock runs (a return under review pauses it). */
    static final List<String> RUNNING = List.of(OrderStatus.DISPATCHED.name(), OrderStatus.IN_PROGRESS.name());

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final boolean castsToLocalDate;
    private final String registeredDay;
    private final String callbackDay;
    private final String historyDay;

    StatisticsQueries(JdbcClient jdbc, DataSource dataSource, Clock clock) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
        if (!zone.getId().matches("[A-Za-z]+(/[A-Za-z0-9_+-]+)+")) {
            throw new IllegalArgumentException("hotline.zone must be a region such as Asia/Shanghai, not " + zone);
        }
        this.castsToLocalDate = "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        this.registeredDay = localDay("o.registered_at");
        this.callbackDay = localDay("c.attempted_at");
        this.historyDay = localDay("h.occurred_at");
    }

    /** The local day of a moment: a DATE on PostgreSQL, the integer yyyymmdd on H2. */
    private String localDay(String column) {
        String local = "(" + column + " AT TIME ZONE '" + zone.getId() + "')";
        if (castsToLocalDate) {
            return "CAST(" + local + " AS DATE)";
        }
        return "(CAST(EXTRACT(YEAR FROM " + local + ") AS INT) * 10000 + CAST(EXTRACT(MONTH FROM " + local
                + ") AS INT) * 100 + CAST(EXTRACT(DAY FROM " + local + ") AS INT))";
    }

    private LocalDate day(ResultSet rs, String column) throws SQLException {
        if (castsToLocalDate) {
            return DbTime.date(rs, column);
        }
        int yyyymmdd = rs.getInt(column);
        return LocalDate.of(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }

    /** Orders per value of the dimension's column; the null key collects orders without a value. */
    Map<String, Long> countBy(Dimension by, ReportFilter filter) {
        String column = switch (by) {
            case CATEGORY -> "o.category_code";
            case UNIT -> "o.lead_unit_id";
            case CHANNEL -> "o.channel";
            case APPEAL_TYPE -> "o.appeal_type";
        };
        Where where = orders(filter);
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT " + column + " AS k, COUNT(*) AS n FROM work_order o" + where.sql + " GROUP BY " + column)
                .paramSource(where.params).query(rs -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                });
        return counts;
    }

    /** Orders registered per local day, days without orders left out. */
    Map<LocalDate, Long> countPerDay(ReportFilter filter) {
        Where where = orders(filter);
        Map<LocalDate, Long> counts = new HashMap<>();
        jdbc.sql("SELECT " + registeredDay + " AS d, COUNT(*) AS n FROM work_order o" + where.sql
                + " GROUP BY " + registeredDay).paramSource(where.params).query(rs -> {
                    counts.put(day(rs, "d"), rs.getLong("n"));
                });
        return counts;
    }

    /** The results of reached callbacks per local day and lead unit. */
    record DayResults(LocalDate day, String unit, CallbackResults results) {
    }

    /**
     * Reached callbacks made within the range, counted per local day and unit. Each reply counts once: if a
     * reply was (wrongly) reached twice, only the last reached attempt counts, in the period it was made.
     * A later attempt is made later, so the search for one starts at the range's start: without that bound
     * PostgreSQL hashed every reached callback ever made for each report (V10 indexes attempted_at).
     */
    List<DayResults> callbackResultsPerDay(ReportFilter filter) {
        StringBuilder sql = new StringBuilder(" WHERE c.reached = TRUE"
                + " AND c.attempted_at >= :start AND c.attempted_at < :end"
                + " AND NOT EXISTS (SELECT 1 FROM callback_attempt l WHERE l.order_number = c.order_number"
                + " AND l.reply_seq = c.reply_seq AND l.reached = TRUE AND l.attempt > c.attempt"
                + " AND l.attempted_at >= :start)");
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("start", DbTime.param(filter.range().start(zone))).addValue("end", DbTime.param(filter.range().end(zone)));
        if (filter.unit() != null) {
            sql.append(" AND c.unit_id = :unit");
            p.addValue("unit", filter.unit().value());
        }
        if (filter.category() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM work_order o WHERE o.number = c.order_number AND ")
                    .append(categoryCondition(filter.category(), p)).append(')');
        }
        return jdbc.sql("SELECT " + callbackDay + " AS d, c.unit_id AS unit,"
                + " SUM(CASE WHEN c.satisfaction = 'SATISFIED' THEN 1 ELSE 0 END) AS satisfied,"
                + " SUM(CASE WHEN c.satisfaction = 'BASICALLY_SATISFIED' THEN 1 ELSE 0 END) AS basically,"
                + " SUM(CASE WHEN c.satisfaction = 'UNSATISFIED' THEN 1 ELSE 0 END) AS unsatisfied,"
                + " SUM(CASE WHEN c.resolved = TRUE THEN 1 ELSE 0 END) AS resolved,"
                + " SUM(CASE WHEN c.resolved = FALSE THEN 1 ELSE 0 END) AS unresolved"
                + " FROM callback_attempt c" + sql + " GROUP BY " + callbackDay + ", c.unit_id").paramSource(p)
                .query((rs, i) -> new DayResults(day(rs, "d"), rs.getString("unit"),
                        new CallbackResults(rs.getLong("satisfied"), rs.getLong("basically"), rs.getLong("unsatisfied"),
                                rs.getLong("resolved"), rs.getLong("unresolved"))))
                .list();
    }

    /** Overrides of one local day and lead unit. */
    record DayCount(LocalDate day, String unit, long count) {
    }

    /**
     * The director's overrides (主任决定办结) made within the range, counted per local day and the order's lead
     * unit: the history rows of that action, a stored fact (V9 indexes the history by action and time).
     */
    List<DayCount> overridesPerDay(ReportFilter filter) {
        StringBuilder sql = new StringBuilder(" WHERE h.action = :action"
                + " AND h.occurred_at >= :start AND h.occurred_at < :end");
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("action", OrderAction.OVERRIDE_CLOSE.name())
                .addValue("start", DbTime.param(filter.range().start(zone))).addValue("end", DbTime.param(filter.range().end(zone)));
        if (filter.unit() != null) {
            sql.append(" AND o.lead_unit_id = :unit");
            p.addValue("unit", filter.unit().value());
        }
        if (filter.category() != null) {
            sql.append(" AND ").append(categoryCondition(filter.category(), p));
        }
        return jdbc.sql("SELECT " + historyDay + " AS d, o.lead_unit_id AS unit, COUNT(*) AS n"
                + " FROM work_order_history h JOIN work_order o ON o.number = h.order_number" + sql
                + " GROUP BY " + historyDay + ", o.lead_unit_id").paramSource(p)
                .query((rs, i) -> new DayCount(day(rs, "d"), rs.getString("unit"), rs.getLong("n"))).list();
    }

    /** Orders of one local day and channel with one intake outcome (null: the normal path) and route. */
    record TriageDayCount(LocalDate day, String channel, String outcome, String route, long count) {
    }

    /**
     * What the orders registered within the range became at intake, per local day, channel and outcome: the
     * service or route by name, and for an answer at intake only whether it came from the knowledge base (any
     * entry counts as one), so that the groups stay few.
     */
    List<TriageDayCount> triagePerDay(DateRange range) {
        String route = "CASE WHEN o.intake_outcome = 'KNOWLEDGE' THEN CASE WHEN o.intake_route IS NULL THEN NULL"
                + " ELSE 'ENTRY' END ELSE o.intake_route END";
        return jdbc.sql("SELECT " + registeredDay + " AS d, o.channel, o.intake_outcome, " + route + " AS route,"
                + " COUNT(*) AS n FROM work_order o WHERE o.registered_at >= :start AND o.registered_at < :end"
                + " GROUP BY " + registeredDay + ", o.channel, o.intake_outcome, " + route)
                .param("start", DbTime.param(range.start(zone))).param("end", DbTime.param(range.end(zone)))
                .query((rs, i) -> new TriageDayCount(day(rs, "d"), rs.getString("channel"),
                        rs.getString("intake_outcome"), rs.getString("route"), rs.getLong("n")))
                .list();
    }

    /** Triage's suggestions made within the range and what people decided, counted per pair (null: not yet). */
    record SuggestionCount(String suggested, String decided, long count) {
    }

    List<SuggestionCount> triageSuggestions(DateRange range) {
        return jdbc.sql("SELECT t.suggested, t.final_outcome, COUNT(*) AS n FROM triage_record t"
                + " WHERE t.decided_at >= :start AND t.decided_at < :end GROUP BY t.suggested, t.final_outcome")
                .param("start", DbTime.param(range.start(zone))).param("end", DbTime.param(range.end(zone)))
                .query((rs, i) -> new SuggestionCount(rs.getString("suggested"), rs.getString("final_outcome"),
                        rs.getLong("n")))
                .list();
    }

    /** One order of an overdue list, as stored. */
    record OverdueRow(String number, Instant registeredAt, String categoryCode, String leadUnit, String status,
            Instant handleDeadline, Instant repliedAt, Instant closedAt) {
    }

    record OverdueRows(List<OverdueRow> rows, long total) {
    }

    /**
     * One page of an overdue list, the earliest deadline first (the longest overdue for open orders), then by
     * number so that pages never overlap.
     */
    OverdueRows overdue(OverdueKind kind, ReportFilter filter, Instant now, long offset, int limit) {
        Where where = orders(filter);
        String condition = switch (kind) {
            case OPEN -> " AND o.status IN (:running) AND o.handle_deadline < :now";
            case CLOSED_LATE -> " AND o.status = :closed AND o.replied_at > o.handle_deadline";
        };
        MapSqlParameterSource p = where.params.addValue("running", RUNNING).addValue("now", DbTime.param(now))
                .addValue("closed", OrderStatus.CLOSED.name());
        String from = " FROM work_order o" + where.sql + condition;
        long total = jdbc.sql("SELECT COUNT(*)" + from).paramSource(p).query(Long.class).single();
        p.addValue("limit", limit).addValue("offset", offset);
        List<OverdueRow> rows = jdbc.sql("SELECT o.number, o.registered_at, o.category_code, o.lead_unit_id,"
                + " o.status, o.handle_deadline, o.replied_at, o.closed_at" + from
                + " ORDER BY o.handle_deadline, o.number LIMIT :limit OFFSET :offset").paramSource(p)
                .query((rs, i) -> new OverdueRow(rs.getString("number"), instant(rs, "registered_at"),
                        rs.getString("category_code"), rs.getString("lead_unit_id"), rs.getString("status"),
                        instant(rs, "handle_deadline"), instant(rs, "replied_at"), instant(rs, "closed_at")))
                .list();
        return new OverdueRows(rows, total);
    }

    /** One lead unit's running orders, and how many of them are overdue and at risk at {@code now}. */
    record UnitDueRow(String unit, long running, long overdue, long atRisk) {
    }

    /**
     * The running orders per lead unit with the overdue and at-risk among them, judged as the order page judges
     * them: overdue past the handle deadline (WorkOrder.isOverdue), at risk from the stored at-risk moment to
     * the deadline (WorkOrder.isAtRisk, V27). The running orders are found by their status
     * ({@code work_order_by_status}): a few days' intake, however many orders the year has.
     */
    List<UnitDueRow> dueNow(ReportFilter filter, Instant now) {
        Where where = orders(filter);
        MapSqlParameterSource p = where.params.addValue("running", RUNNING).addValue("now", DbTime.param(now));
        return jdbc.sql("SELECT o.lead_unit_id AS unit, COUNT(*) AS running,"
                + " SUM(CASE WHEN o.handle_deadline < :now THEN 1 ELSE 0 END) AS overdue,"
                + " SUM(CASE WHEN o.handle_deadline >= :now AND o.at_risk_from IS NOT NULL"
                + " AND o.at_risk_from <= :now THEN 1 ELSE 0 END) AS at_risk"
                + " FROM work_order o" + where.sql + " AND o.status IN (:running) GROUP BY o.lead_unit_id")
                .paramSource(p)
                .query((rs, i) -> new UnitDueRow(rs.getString("unit"), rs.getLong("running"), rs.getLong("overdue"),
                        rs.getLong("at_risk"))).list();
    }

    private record Where(String sql, MapSqlParameterSource params) {
    }

    /**
     * Orders registered within the range (if any), led by the unit, of the category or below; never invalid calls,
     * which are no citizen appeals (the triage report counts them).
     */
    private Where orders(ReportFilter filter) {
        StringBuilder sql = new StringBuilder(" WHERE (o.intake_outcome IS NULL OR o.intake_outcome <> 'INVALID')");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (filter.range() != null) {
            sql.append(" AND o.registered_at >= :start AND o.registered_at < :end");
            p.addValue("start", DbTime.param(filter.range().start(zone))).addValue("end", DbTime.param(filter.range().end(zone)));
        }
        if (filter.unit() != null) {
            sql.append(" AND o.lead_unit_id = :unit");
            p.addValue("unit", filter.unit().value());
        }
        if (filter.category() != null) {
            sql.append(" AND ").append(categoryCondition(filter.category(), p));
        }
        return new Where(sql.toString(), p);
    }

    /** The category and every category below it (01.02 holds 01.02.01, never 01.020). */
    private static String categoryCondition(String category, MapSqlParameterSource p) {
        p.addValue("category", category).addValue("categoryPrefix", escapeLike(category) + ".%");
        return "(o.category_code = :category OR o.category_code LIKE :categoryPrefix ESCAPE '\\')";
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
