package org.hotline.workorder.internal;

import static org.hotline.workorder.internal.Sql.instant;
import static org.hotline.workorder.internal.Sql.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.deadline.Deadlines;
import org.hotline.organization.UnitId;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.CoUnit;
import org.hotline.workorder.HistoryEntry;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderAction;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderPage;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.Reply;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrders;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Work orders in plain SQL that runs on PostgreSQL and on H2 in PostgreSQL mode. The order row carries a
 * version for optimistic locking; co-units are rewritten with their order; replies and history rows are only
 * ever inserted.
 */
@Repository
class JdbcWorkOrders implements WorkOrders {

    /** Statuses in which the handling clock runs, so an order in them past its deadline is overdue. */
    private static final List<String> RUNNING = List.of(OrderStatus.DISPATCHED.name(), OrderStatus.IN_PROGRESS.name());

    private final NamedParameterJdbcTemplate jdbc;
    private final Deadlines deadlines;

    JdbcWorkOrders(NamedParameterJdbcTemplate jdbc, Deadlines deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    @Override
    public Optional<WorkOrder> find(OrderNumber number) {
        List<WorkOrder> found = load("WHERE number = :number", new MapSqlParameterSource("number", number.value()));
        return found.stream().findFirst();
    }

    @Override
    public List<WorkOrder> mergedInto(OrderNumber master) {
        return load("WHERE master_number = :master ORDER BY number",
                new MapSqlParameterSource("master", master.value()));
    }

    private List<WorkOrder> load(String where, MapSqlParameterSource params) {
        List<WorkOrder.Snapshot> rows = jdbc.query("SELECT * FROM work_order " + where, params, this::snapshot);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> numbers = rows.stream().map(s -> s.number().value()).toList();
        Map<String, List<CoUnit>> coUnits = new HashMap<>();
        jdbc.query("SELECT * FROM work_order_co_unit WHERE order_number IN (:n) ORDER BY added_at, unit_id",
                new MapSqlParameterSource("n", numbers),
                rs -> {
                    coUnits.computeIfAbsent(rs.getString("order_number"), k -> new ArrayList<>()).add(coUnit(rs));
                });
        Map<String, List<Reply>> replies = new HashMap<>();
        jdbc.query("SELECT * FROM work_order_reply WHERE order_number IN (:n) ORDER BY seq",
                new MapSqlParameterSource("n", numbers),
                rs -> {
                    replies.computeIfAbsent(rs.getString("order_number"), k -> new ArrayList<>()).add(reply(rs));
                });
        return rows.stream().map(s -> WorkOrder.restore(withChildren(s,
                coUnits.getOrDefault(s.number().value(), List.of()),
                replies.getOrDefault(s.number().value(), List.of())))).toList();
    }

    @Override
    public void add(WorkOrder order) {
        WorkOrder.Snapshot s = order.snapshot();
        jdbc.update("""
                INSERT INTO work_order (number, version, channel, appeal_type, citizen_name, citizen_phone,
                  confidential, content, address, latitude, longitude, urgency, registered_at, registered_by,
                  category_code, status, intake_answer, lead_unit_id, dispatched_at, acknowledge_deadline,
                  acknowledged_at, handle_deadline, return_request_deadline, return_requested_at, return_reason,
                  return_suggested_unit, returns_requested, status_before_return, extension_days_used,
                  pending_extension_days, pending_extension_reason, redo_count, supervision_count,
                  last_supervised_at, master_number, merged_count, replied_at, closed_at, history_size,
                  at_risk_from)
                VALUES (:number, 0, :channel, :appealType, :citizenName, :citizenPhone, :confidential, :content,
                  :address, :latitude, :longitude, :urgency, :registeredAt, :registeredBy, :categoryCode, :status,
                  :intakeAnswer, :leadUnit, :dispatchedAt, :acknowledgeDeadline, :acknowledgedAt, :handleDeadline,
                  :returnRequestDeadline, :returnRequestedAt, :returnReason, :returnSuggestedUnit,
                  :returnsRequested, :statusBeforeReturn, :extensionDaysUsed, :pendingExtensionDays,
                  :pendingExtensionReason, :redoCount, :supervisionCount, :lastSupervisedAt, :master,
                  :mergedCount, :repliedAt, :closedAt, :historySize, :atRiskFrom)
                """, params(s));
        writeChildren(order, false);
        order.stored(0);
    }

    @Override
    public void update(WorkOrder order) {
        WorkOrder.Snapshot s = order.snapshot();
        int updated = jdbc.update("""
                UPDATE work_order SET version = version + 1, category_code = :categoryCode, status = :status,
                  intake_answer = :intakeAnswer, lead_unit_id = :leadUnit, dispatched_at = :dispatchedAt,
                  acknowledge_deadline = :acknowledgeDeadline, acknowledged_at = :acknowledgedAt,
                  handle_deadline = :handleDeadline, return_request_deadline = :returnRequestDeadline,
                  return_requested_at = :returnRequestedAt, return_reason = :returnReason,
                  return_suggested_unit = :returnSuggestedUnit, returns_requested = :returnsRequested,
                  status_before_return = :statusBeforeReturn, extension_days_used = :extensionDaysUsed,
                  pending_extension_days = :pendingExtensionDays, pending_extension_reason = :pendingExtensionReason,
                  redo_count = :redoCount, supervision_count = :supervisionCount,
                  last_supervised_at = :lastSupervisedAt, master_number = :master, merged_count = :mergedCount,
                  replied_at = :repliedAt, closed_at = :closedAt, history_size = :historySize,
                  at_risk_from = :atRiskFrom
                WHERE number = :number AND version = :version
                """, params(s));
        if (updated != 1) {
            throw new OptimisticLockingFailureException("work order " + s.number() + " changed since version "
                    + s.version());
        }
        writeChildren(order, true);
        order.stored(s.version() + 1);
    }

    private void writeChildren(WorkOrder order, boolean existing) {
        String number = order.number().value();
        if (existing) {
            jdbc.update("DELETE FROM work_order_co_unit WHERE order_number = :n", new MapSqlParameterSource("n", number));
        }
        if (!order.coUnits().isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO work_order_co_unit (order_number, unit_id, added_at, added_by, deadline,
                      acknowledged_at, submitted_at, contribution, non_cooperation_at, non_cooperation_reason)
                    VALUES (:n, :unit, :addedAt, :addedBy, :deadline, :ack, :sub, :contribution, :nonCoop, :nonCoopReason)
                    """, order.coUnits().stream().map(c -> new MapSqlParameterSource()
                    .addValue("n", number).addValue("unit", c.unit().value()).addValue("addedAt", time(c.addedAt()))
                    .addValue("addedBy", c.addedBy()).addValue("deadline", time(c.deadline()))
                    .addValue("ack", time(c.acknowledgedAt())).addValue("sub", time(c.submittedAt()))
                    .addValue("contribution", c.contribution()).addValue("nonCoop", time(c.nonCooperationAt()))
                    .addValue("nonCoopReason", c.nonCooperationReason())).toArray(SqlParameterSource[]::new));
        }
        if (!order.newReplies().isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO work_order_reply (order_number, seq, unit_id, replied_by, replied_at, outcome,
                      public_reply, actions_taken, internal_note, citizen_contacted)
                    VALUES (:n, :seq, :unit, :by, :at, :outcome, :publicReply, :actions, :note, :contacted)
                    """, order.newReplies().stream().map(r -> new MapSqlParameterSource()
                    .addValue("n", number).addValue("seq", r.seq()).addValue("unit", r.unit().value())
                    .addValue("by", r.repliedBy()).addValue("at", time(r.at())).addValue("outcome", r.outcome().name())
                    .addValue("publicReply", r.publicReply()).addValue("actions", r.actionsTaken())
                    .addValue("note", r.internalNote()).addValue("contacted", r.citizenContacted()))
                    .toArray(SqlParameterSource[]::new));
        }
        if (!order.newHistory().isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO work_order_history (order_number, seq, occurred_at, actor, actor_name, actor_role,
                      actor_unit, action, from_status, to_status, reason, detail, unit_id, other_unit_id, late)
                    VALUES (:n, :seq, :at, :actor, :actorName, :actorRole, :actorUnit, :action, :from, :to,
                      :reason, :detail, :unit, :otherUnit, :late)
                    """, order.newHistory().stream().map(h -> new MapSqlParameterSource()
                    .addValue("n", number).addValue("seq", h.seq()).addValue("at", time(h.at()))
                    .addValue("actor", h.actor()).addValue("actorName", h.actorName())
                    .addValue("actorRole", h.actorRole()).addValue("actorUnit", h.actorUnit())
                    .addValue("action", h.action().name())
                    .addValue("from", h.fromStatus() == null ? null : h.fromStatus().name())
                    .addValue("to", h.toStatus().name()).addValue("reason", h.reason())
                    .addValue("detail", h.detail())
                    .addValue("unit", h.unit() == null ? null : h.unit().value(), Types.VARCHAR)
                    .addValue("otherUnit", h.otherUnit() == null ? null : h.otherUnit().value(), Types.VARCHAR)
                    .addValue("late", h.late(), Types.BOOLEAN)).toArray(SqlParameterSource[]::new));
        }
    }

    @Override
    public List<HistoryEntry> history(OrderNumber number) {
        return jdbc.query("SELECT * FROM work_order_history WHERE order_number = :n ORDER BY seq",
                new MapSqlParameterSource("n", number.value()),
                (rs, i) -> new HistoryEntry(rs.getInt("seq"), instant(rs, "occurred_at"), rs.getString("actor"),
                        rs.getString("actor_name"), rs.getString("actor_role"), rs.getString("actor_unit"),
                        OrderAction.valueOf(rs.getString("action")), status(rs.getString("from_status")),
                        OrderStatus.valueOf(rs.getString("to_status")), rs.getString("reason"),
                        rs.getString("detail"), unit(rs.getString("unit_id")), unit(rs.getString("other_unit_id")),
                        rs.getObject("late", Boolean.class)));
    }

    @Override
    public OrderPage search(OrderQuery q, Instant now) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource("now", time(now)).addValue("running", RUNNING);
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            where.append(" AND o.status IN (:statuses)");
            p.addValue("statuses", q.statuses().stream().map(Enum::name).toList());
        }
        if (q.visibleTo() != null) {
            where.append(" AND (o.lead_unit_id = :visibleTo OR EXISTS (SELECT 1 FROM work_order_co_unit v"
                    + " WHERE v.order_number = o.number AND v.unit_id = :visibleTo))");
            p.addValue("visibleTo", q.visibleTo().value());
        }
        if (q.unit() != null) {
            where.append(" AND (o.lead_unit_id = :unit OR EXISTS (SELECT 1 FROM work_order_co_unit c"
                    + " WHERE c.order_number = o.number AND c.unit_id = :unit))");
            p.addValue("unit", q.unit().value());
        }
        if (q.category() != null) {
            where.append(" AND (o.category_code = :category OR o.category_code LIKE :categoryPrefix)");
            p.addValue("category", q.category()).addValue("categoryPrefix", q.category() + ".%");
        }
        if (q.channel() != null) {
            where.append(" AND o.channel = :channel");
            p.addValue("channel", q.channel().name());
        }
        if (q.appealType() != null) {
            where.append(" AND o.appeal_type = :appealType");
            p.addValue("appealType", q.appealType().name());
        }
        if (q.from() != null) {
            where.append(" AND o.registered_at >= :from");
            p.addValue("from", time(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND o.registered_at < :to");
            p.addValue("to", time(q.to()));
        }
        if (q.overdue() != null) {
            where.append(q.overdue() ? " AND o.status IN (:running) AND o.handle_deadline < :now"
                    : " AND NOT (o.status IN (:running) AND o.handle_deadline < :now)");
        }
        if (q.leadUnit() != null) {
            where.append(" AND o.lead_unit_id = :leadUnit");
            p.addValue("leadUnit", q.leadUnit().value());
        }
        if (q.atRisk() != null) {
            // WorkOrder.isAtRisk: the clock runs, the deadline has not passed, the at-risk moment has (V27)
            String atRisk = "o.status IN (:running) AND o.handle_deadline >= :now AND o.at_risk_from IS NOT NULL"
                    + " AND o.at_risk_from <= :now";
            where.append(q.atRisk() ? " AND " + atRisk : " AND NOT (" + atRisk + ")");
        }
        if (q.callback() != null) {
            where.append(callbackCondition(q.callback(), p));
        }
        if (q.keyword() != null && !q.keyword().isBlank()) {
            where.append(" AND (LOWER(o.content) LIKE :keyword OR LOWER(o.address) LIKE :keyword OR o.number = :exact)");
            p.addValue("keyword", "%" + escapeLike(q.keyword().trim().toLowerCase()) + "%")
                    .addValue("exact", q.keyword().trim());
        }
        if (q.callerPhone() != null) {
            // the number as registered, in any of its spellings (work_order_by_phone)
            where.append(" AND o.citizen_phone IN (:phones)");
            p.addValue("phones", Citizen.spellings(q.callerPhone()));
        }
        if (q.callerName() != null && !q.callerName().isBlank()) {
            where.append(" AND o.citizen_name LIKE :callerName");
            p.addValue("callerName", escapeLike(q.callerName().strip()) + "%");
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM work_order o" + where, p, Long.class);
        p.addValue("limit", q.size()).addValue("offset", (long) q.page() * q.size());
        List<OrderSummary> items = jdbc.query("SELECT o.*, CASE WHEN o.status IN (:running) AND o.handle_deadline < :now"
                + " THEN TRUE ELSE FALSE END AS overdue FROM work_order o" + where
                + " ORDER BY o.registered_at DESC, o.number DESC LIMIT :limit OFFSET :offset", p,
                (rs, i) -> new OrderSummary(new OrderNumber(rs.getString("number")), OrderStatus.valueOf(rs.getString("status")),
                        Channel.valueOf(rs.getString("channel")), AppealType.valueOf(rs.getString("appeal_type")),
                        Urgency.valueOf(rs.getString("urgency")), rs.getString("category_code"),
                        unit(rs.getString("lead_unit_id")), citizen(rs), rs.getString("content"),
                        rs.getString("address"), instant(rs, "registered_at"), instant(rs, "handle_deadline"),
                        rs.getInt("redo_count"), rs.getInt("supervision_count"), rs.getBoolean("overdue")));
        return new OrderPage(items, q.page(), q.size(), total == null ? 0 : total);
    }

    @Override
    public List<OrderNumber> withOverdueCoUnits(Instant now, int limit) {
        return jdbc.query("""
                SELECT DISTINCT c.order_number FROM work_order_co_unit c JOIN work_order o ON o.number = c.order_number
                WHERE c.deadline < :now AND c.submitted_at IS NULL AND c.non_cooperation_at IS NULL
                  AND o.status IN ('DISPATCHED', 'IN_PROGRESS', 'RETURN_REQUESTED')
                ORDER BY c.order_number LIMIT :limit
                """, new MapSqlParameterSource("now", time(now)).addValue("limit", limit),
                (rs, i) -> new OrderNumber(rs.getString(1)));
    }

    /**
     * Orders with a reached callback of the given result, made in the callback's range: read from
     * {@code callback_attempt}, the quality loop's contract table (V7) that the statistics count the same
     * callbacks from. Driven by the calls of the range ({@code callback_attempt_by_time}), never by every order;
     * each reply counts by its last reached call, as the statistics count it.
     */
    private static String callbackCondition(OrderQuery.Callback c, MapSqlParameterSource p) {
        StringBuilder sql = new StringBuilder(" AND o.number IN (SELECT c.order_number FROM callback_attempt c"
                + " WHERE c.reached = TRUE");
        if (c.from() != null) {
            sql.append(" AND c.attempted_at >= :calledFrom");
            p.addValue("calledFrom", time(c.from()));
        }
        if (c.to() != null) {
            sql.append(" AND c.attempted_at < :calledTo");
            p.addValue("calledTo", time(c.to()));
        }
        if (c.satisfaction() != null) {
            sql.append(" AND c.satisfaction = :satisfaction");
            p.addValue("satisfaction", c.satisfaction());
        }
        if (c.resolved() != null) {
            sql.append(" AND c.resolved = :resolved");
            p.addValue("resolved", c.resolved());
        }
        sql.append(" AND NOT EXISTS (SELECT 1 FROM callback_attempt l WHERE l.order_number = c.order_number"
                + " AND l.reply_seq = c.reply_seq AND l.reached = TRUE AND l.attempt > c.attempt))");
        return sql.toString();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    // ---------------------------------------------------------------- mapping

    private MapSqlParameterSource params(WorkOrder.Snapshot s) {
        return new MapSqlParameterSource()
                .addValue("number", s.number().value()).addValue("version", s.version())
                .addValue("channel", s.channel().name()).addValue("appealType", s.appealType().name())
                .addValue("citizenName", s.citizen().name()).addValue("citizenPhone", s.citizen().phone())
                .addValue("confidential", s.citizen().confidential()).addValue("content", s.content())
                .addValue("address", s.location().address()).addValue("latitude", s.location().latitude())
                .addValue("longitude", s.location().longitude()).addValue("urgency", s.urgency().name())
                .addValue("registeredAt", time(s.registeredAt())).addValue("registeredBy", s.registeredBy())
                .addValue("categoryCode", s.categoryCode()).addValue("status", s.status().name())
                .addValue("intakeAnswer", s.intakeAnswer()).addValue("leadUnit", id(s.leadUnit()))
                .addValue("dispatchedAt", time(s.dispatchedAt()))
                .addValue("acknowledgeDeadline", time(s.acknowledgeDeadline()))
                .addValue("acknowledgedAt", time(s.acknowledgedAt()))
                .addValue("handleDeadline", time(s.handleDeadline()))
                .addValue("returnRequestDeadline", time(s.returnRequestDeadline()))
                .addValue("returnRequestedAt", time(s.returnRequestedAt()))
                .addValue("returnReason", s.returnReason())
                .addValue("returnSuggestedUnit", id(s.returnSuggestedUnit()))
                .addValue("returnsRequested", s.returnsRequested())
                .addValue("statusBeforeReturn", s.statusBeforeReturn() == null ? null : s.statusBeforeReturn().name())
                .addValue("extensionDaysUsed", s.extensionDaysUsed())
                .addValue("pendingExtensionDays", s.pendingExtensionDays())
                .addValue("pendingExtensionReason", s.pendingExtensionReason())
                .addValue("redoCount", s.redoCount()).addValue("supervisionCount", s.supervisionCount())
                .addValue("lastSupervisedAt", time(s.lastSupervisedAt()))
                .addValue("master", s.master() == null ? null : s.master().value())
                .addValue("mergedCount", s.mergedCount()).addValue("repliedAt", time(s.repliedAt()))
                .addValue("closedAt", time(s.closedAt())).addValue("historySize", s.historySize())
                .addValue("atRiskFrom", time(atRiskFrom(deadlines, s.dispatchedAt(), s.handleDeadline())));
    }

    /**
     * When the order becomes 临期, as {@link WorkOrder#isAtRisk} decides it: stored beside the deadline so that a
     * list or count of the orders at risk is a condition in SQL (V27). Null without a running clock.
     */
    static Instant atRiskFrom(Deadlines deadlines, Instant dispatchedAt, Instant handleDeadline) {
        if (dispatchedAt == null || handleDeadline == null || handleDeadline.isBefore(dispatchedAt)) {
            return null;
        }
        return deadlines.atRiskFrom(dispatchedAt, handleDeadline);
    }

    private WorkOrder.Snapshot snapshot(ResultSet rs, int row) throws SQLException {
        return new WorkOrder.Snapshot(new OrderNumber(rs.getString("number")), rs.getLong("version"),
                Channel.valueOf(rs.getString("channel")), AppealType.valueOf(rs.getString("appeal_type")),
                citizen(rs), rs.getString("content"),
                new Location(rs.getString("address"), Sql.nullableDouble(rs, "latitude"),
                        Sql.nullableDouble(rs, "longitude")),
                Urgency.valueOf(rs.getString("urgency")), instant(rs, "registered_at"), rs.getString("registered_by"),
                rs.getString("category_code"), OrderStatus.valueOf(rs.getString("status")),
                rs.getString("intake_answer"), unit(rs.getString("lead_unit_id")), instant(rs, "dispatched_at"),
                instant(rs, "acknowledge_deadline"), instant(rs, "acknowledged_at"), instant(rs, "handle_deadline"),
                instant(rs, "return_request_deadline"), instant(rs, "return_requested_at"),
                rs.getString("return_reason"), unit(rs.getString("return_suggested_unit")),
                rs.getInt("returns_requested"), status(rs.getString("status_before_return")),
                rs.getInt("extension_days_used"), rs.getInt("pending_extension_days"),
                rs.getString("pending_extension_reason"), rs.getInt("redo_count"), rs.getInt("supervision_count"),
                instant(rs, "last_supervised_at"),
                rs.getString("master_number") == null ? null : new OrderNumber(rs.getString("master_number")),
                rs.getInt("merged_count"), instant(rs, "replied_at"), instant(rs, "closed_at"), List.of(), List.of(),
                rs.getInt("history_size"));
    }

    private static WorkOrder.Snapshot withChildren(WorkOrder.Snapshot s, List<CoUnit> coUnits, List<Reply> replies) {
        return new WorkOrder.Snapshot(s.number(), s.version(), s.channel(), s.appealType(), s.citizen(), s.content(),
                s.location(), s.urgency(), s.registeredAt(), s.registeredBy(), s.categoryCode(), s.status(),
                s.intakeAnswer(), s.leadUnit(), s.dispatchedAt(), s.acknowledgeDeadline(), s.acknowledgedAt(),
                s.handleDeadline(), s.returnRequestDeadline(), s.returnRequestedAt(), s.returnReason(),
                s.returnSuggestedUnit(), s.returnsRequested(), s.statusBeforeReturn(), s.extensionDaysUsed(),
                s.pendingExtensionDays(), s.pendingExtensionReason(), s.redoCount(), s.supervisionCount(),
                s.lastSupervisedAt(), s.master(), s.mergedCount(), s.repliedAt(), s.closedAt(), coUnits, replies,
                s.historySize());
    }

    private static Citizen citizen(ResultSet rs) throws SQLException {
        return new Citizen(rs.getString("citizen_name"), rs.getString("citizen_phone"), rs.getBoolean("confidential"));
    }

    private static CoUnit coUnit(ResultSet rs) throws SQLException {
        return new CoUnit(new UnitId(rs.getString("unit_id")), instant(rs, "added_at"), rs.getString("added_by"),
                instant(rs, "deadline"), instant(rs, "acknowledged_at"), instant(rs, "submitted_at"),
                rs.getString("contribution"), instant(rs, "non_cooperation_at"), rs.getString("non_cooperation_reason"));
    }

    private static Reply reply(ResultSet rs) throws SQLException {
        return new Reply(rs.getInt("seq"), new UnitId(rs.getString("unit_id")), rs.getString("replied_by"),
                instant(rs, "replied_at"), ReplyOutcome.valueOf(rs.getString("outcome")), rs.getString("public_reply"),
                rs.getString("actions_taken"), rs.getString("internal_note"), rs.getBoolean("citizen_contacted"));
    }

    private static UnitId unit(String id) {
        return id == null ? null : new UnitId(id);
    }

    private static String id(UnitId unit) {
        return unit == null ? null : unit.value();
    }

    private static OrderStatus status(String s) {
        return s == null ? null : OrderStatus.valueOf(s);
    }
}
