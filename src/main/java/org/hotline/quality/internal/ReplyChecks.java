package org.hotline.quality.internal;

import static org.hotline.platform.DbTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.platform.DbTime;
import org.hotline.quality.CallbackAttempt;
import org.hotline.quality.CallbackPlan;
import org.hotline.quality.CheckOutcome;
import org.hotline.quality.ReplyCheck;
import org.hotline.quality.ReviewDecision;
import org.hotline.quality.ReviewLevel;
import org.hotline.workorder.OrderNumber;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reply checks in plain SQL for PostgreSQL and H2. The check row carries a version for optimistic locking;
 * review decisions, callback attempts (the V7 contract table) and escalations are only ever inserted.
 */
@Repository
class ReplyChecks {

    private final JdbcClient jdbc;

    ReplyChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new check unless one exists for the same reply: a Replied event delivered twice opens one check.
     * Returns whether this call stored it.
     */
    boolean addIfAbsent(ReplyCheck c) {
        int rows = jdbc.sql("""
                INSERT INTO reply_check (order_number, reply_seq, unit_id, redo_count, replied_at, opened_at,
                    review_levels, callback_plan, stage, current_level, callback_attempts, callback_due_at, outcome,
                    finished_at, version)
                VALUES (:order, :seq, :unit, :redo, :repliedAt, :openedAt, :levels, :plan, :stage, :level, :attempts,
                    :due, :outcome, :finishedAt, 0)
                ON CONFLICT DO NOTHING
                """)
                .param("order", c.order().value()).param("seq", c.replySeq()).param("unit", c.unit().value())
                .param("redo", c.redoCount()).param("repliedAt", DbTime.param(c.repliedAt()))
                .param("openedAt", DbTime.param(c.openedAt()))
                .param("levels", c.levels().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("plan", c.plan().name()).param("stage", c.stage().name())
                .param("level", c.currentLevel() == null ? null : c.currentLevel().name())
                .param("attempts", c.attempts()).param("due", DbTime.param(c.callbackDue()))
                .param("outcome", c.outcome() == null ? null : c.outcome().name())
                .param("finishedAt", DbTime.param(c.finishedAt()))
                .update();
        if (rows == 0) {
            return false;
        }
        appendNew(c);
        c.stored(0);
        return true;
    }

    /** Writes the check's new state if nobody changed it since it was read, and appends what it recorded. */
    void update(ReplyCheck c) {
        int rows = jdbc.sql("""
                UPDATE reply_check SET stage = :stage, current_level = :level, callback_attempts = :attempts,
                    callback_due_at = :due, outcome = :outcome, finished_at = :finishedAt, version = version + 1
                WHERE order_number = :order AND reply_seq = :seq AND version = :version
                """)
                .param("stage", c.stage().name())
                .param("level", c.currentLevel() == null ? null : c.currentLevel().name())
                .param("attempts", c.attempts()).param("due", DbTime.param(c.callbackDue()))
                .param("outcome", c.outcome() == null ? null : c.outcome().name())
                .param("finishedAt", DbTime.param(c.finishedAt()))
                .param("order", c.order().value()).param("seq", c.replySeq()).param("version", c.version())
                .update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("reply check " + c.order() + "/" + c.replySeq()
                    + " was changed by someone else");
        }
        appendNew(c);
        c.stored(c.version() + 1);
    }

    private void appendNew(ReplyCheck c) {
        for (ReviewDecision d : c.newDecisions()) {
            jdbc.sql("""
                    INSERT INTO review_decision (order_number, reply_seq, seq, review_level, approved, reviewer,
                        reviewer_name, reviewer_role, reviewer_unit, decided_at, reason)
                    VALUES (:order, :replySeq, :seq, :level, :approved, :reviewer, :name, :role, :unit, :at, :reason)
                    """)
                    .param("order", c.order().value()).param("replySeq", c.replySeq()).param("seq", d.seq())
                    .param("level", d.level().name()).param("approved", d.approved()).param("reviewer", d.reviewer())
                    .param("name", d.reviewerName()).param("role", d.reviewerRole().name())
                    .param("unit", d.reviewerUnit()).param("at", DbTime.param(d.at())).param("reason", d.reason())
                    .update();
        }
        for (CallbackAttempt a : c.newAttempts()) {
            jdbc.sql("""
                    INSERT INTO callback_attempt (order_number, unit_id, reply_seq, attempt, attempted_at, agent,
                        reached, resolved, satisfaction, comment)
                    VALUES (:order, :unit, :replySeq, :attempt, :at, :agent, :reached, :resolved, :satisfaction,
                        :comment)
                    """)
                    .param("order", c.order().value()).param("unit", c.unit().value()).param("replySeq", c.replySeq())
                    .param("attempt", a.attempt()).param("at", DbTime.param(a.at())).param("agent", a.agent())
                    .param("reached", a.result().reached()).param("resolved", a.result().resolved())
                    .param("satisfaction", a.result().satisfaction() == null ? null : a.result().satisfaction().name())
                    .param("comment", a.result().comment())
                    .update();
        }
    }

    Optional<ReplyCheck> find(OrderNumber order, int replySeq) {
        Optional<ReplyCheck.Snapshot> row = jdbc.sql("SELECT * FROM reply_check WHERE order_number = :o AND reply_seq = :s")
                .param("o", order.value()).param("s", replySeq)
                .query((rs, i) -> snapshot(rs, List.of()))
                .optional();
        return row.map(s -> ReplyCheck.restore(withDecisions(s)));
    }

    /** Every check of the order, oldest reply first. */
    List<ReplyCheck> of(OrderNumber order) {
        return jdbc.sql("SELECT * FROM reply_check WHERE order_number = :o ORDER BY reply_seq")
                .param("o", order.value())
                .query((rs, i) -> snapshot(rs, List.of()))
                .list().stream().map(s -> ReplyCheck.restore(withDecisions(s))).toList();
    }

    List<CallbackAttempt> attempts(OrderNumber order, int replySeq) {
        return jdbc.sql("""
                SELECT * FROM callback_attempt WHERE order_number = :o AND reply_seq = :s ORDER BY attempt
                """)
                .param("o", order.value()).param("s", replySeq)
                .query((rs, i) -> new CallbackAttempt(rs.getInt("attempt"), instant(rs, "attempted_at"),
                        rs.getString("agent"), QualityViews.callResult(rs)))
                .list();
    }

    /** 转督办: recorded once per reply. */
    void addEscalation(ReplyCheck c, String by, Instant at, String reason) {
        jdbc.sql("""
                INSERT INTO escalation (order_number, reply_seq, unit_id, redo_count, escalated_at, escalated_by, reason)
                VALUES (:order, :seq, :unit, :redo, :at, :by, :reason)
                """)
                .param("order", c.order().value()).param("seq", c.replySeq()).param("unit", c.unit().value())
                .param("redo", c.redoCount()).param("at", DbTime.param(at)).param("by", by).param("reason", reason)
                .update();
    }

    /** 督办办结: the conclusion of an escalated reply, recorded once (the primary key refuses a second). */
    void addConclusion(ReplyCheck c, String by, Instant at, String conclusion) {
        jdbc.sql("""
                INSERT INTO escalation_conclusion (order_number, reply_seq, concluded_at, concluded_by, conclusion)
                VALUES (:order, :seq, :at, :by, :conclusion)
                """)
                .param("order", c.order().value()).param("seq", c.replySeq()).param("at", DbTime.param(at)).param("by", by)
                .param("conclusion", conclusion)
                .update();
    }

    /** The conclusion of the escalated reply, if a supervisor has given one. */
    Optional<String> conclusion(OrderNumber order, int replySeq) {
        return jdbc.sql("SELECT conclusion FROM escalation_conclusion WHERE order_number = :o AND reply_seq = :s")
                .param("o", order.value()).param("s", replySeq)
                .query(String.class).optional();
    }

    /**
     * Ends the open checks of an order that was overtaken outside the loop, with {@code outcome}: those of replies
     * given before the order's {@code redoCountBelow}-th redo (all of them when null). Returns how many there were.
     */
    int supersede(OrderNumber order, Integer redoCountBelow, Instant at, CheckOutcome outcome) {
        return jdbc.sql("""
                UPDATE reply_check SET stage = 'DONE', outcome = :outcome, finished_at = :at, current_level = NULL,
                    callback_due_at = NULL, version = version + 1
                WHERE order_number = :o AND stage <> 'DONE' AND redo_count < :below
                """)
                .param("outcome", outcome.name()).param("at", DbTime.param(at)).param("o", order.value())
                .param("below", redoCountBelow == null ? Integer.MAX_VALUE : redoCountBelow)
                .update();
    }

    private ReplyCheck.Snapshot withDecisions(ReplyCheck.Snapshot s) {
        List<ReviewDecision> decisions = jdbc.sql("""
                SELECT * FROM review_decision WHERE order_number = :o AND reply_seq = :s ORDER BY seq
                """)
                .param("o", s.order().value()).param("s", s.replySeq())
                .query((rs, i) -> decision(rs))
                .list();
        return new ReplyCheck.Snapshot(s.order(), s.replySeq(), s.unit(), s.redoCount(), s.repliedAt(), s.openedAt(),
                s.levels(), s.plan(), s.version(), s.stage(), s.currentLevel(), s.attempts(), s.callbackDue(),
                s.outcome(), s.finishedAt(), decisions);
    }

    static ReviewDecision decision(ResultSet rs) throws SQLException {
        return new ReviewDecision(rs.getInt("seq"), ReviewLevel.valueOf(rs.getString("review_level")),
                rs.getBoolean("approved"), rs.getString("reviewer"), rs.getString("reviewer_name"),
                Role.valueOf(rs.getString("reviewer_role")), rs.getString("reviewer_unit"), instant(rs, "decided_at"),
                rs.getString("reason"));
    }

    private static ReplyCheck.Snapshot snapshot(ResultSet rs, List<ReviewDecision> decisions) throws SQLException {
        String levels = rs.getString("review_levels");
        String level = rs.getString("current_level");
        String outcome = rs.getString("outcome");
        return new ReplyCheck.Snapshot(new OrderNumber(rs.getString("order_number")), rs.getInt("reply_seq"),
                new UnitId(rs.getString("unit_id")), rs.getInt("redo_count"), instant(rs, "replied_at"),
                instant(rs, "opened_at"),
                levels == null || levels.isEmpty() ? List.of()
                        : Arrays.stream(levels.split(",")).map(ReviewLevel::valueOf).toList(),
                CallbackPlan.valueOf(rs.getString("callback_plan")), rs.getLong("version"),
                ReplyCheck.Stage.valueOf(rs.getString("stage")), level == null ? null : ReviewLevel.valueOf(level),
                rs.getInt("callback_attempts"), instant(rs, "callback_due_at"),
                outcome == null ? null : CheckOutcome.valueOf(outcome), instant(rs, "finished_at"), decisions);
    }
}
