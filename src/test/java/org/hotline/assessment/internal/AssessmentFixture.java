package org.hotline.assessment.internal;

import static org.hotline.workorder.WorkOrderFixture.passedTheLoop;
import static org.hotline.workorder.WorkOrderFixture.DEADLINES;
import static org.hotline.workorder.WorkOrderFixture.dispatcher;
import static org.hotline.workorder.WorkOrderFixture.handlerOf;
import static org.hotline.workorder.WorkOrderFixture.operator;
import static org.hotline.workorder.WorkOrderFixture.require;
import static org.hotline.workorder.WorkOrderFixture.reviewer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.hotline.organization.UnitId;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.ReturnReason;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderFixture;
import org.hotline.workorder.WorkOrders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Orders for the assessment tests, built through the work order's own transitions (so their history reads
 * exactly as production writes it) at chosen times, and the quality module's contract rows (callbacks,
 * leader samples) written as that module would. Order numbers are taken for an intake day no clock ever
 * uses (2000-02-01), so they never collide with orders other tests register through the API.
 */
final class AssessmentFixture {

    static final LocalDate NUMBERING_DAY = LocalDate.of(2000, 2, 1);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private AssessmentFixture() {
    }

    static OrderNumber nextNumber() {
        return OrderNumber.of(NUMBERING_DAY, SEQUENCE.incrementAndGet());
    }

    /** A complaint registered and dispatched at {@code at} (the citizen's phone is 13812341234). */
    static WorkOrder dispatched(UnitId lead, List<UnitId> coUnits, Instant at) {
        WorkOrder o = WorkOrder.register(nextNumber(),
                WorkOrderFixture.appeal(AppealType.COMPLAINT, "东关街排水口堵塞，雨后积水"), operator(), at);
        require(o.dispatch(lead, coUnits, null, null, dispatcher(), at, DEADLINES));
        return o;
    }

    static WorkOrder acknowledge(WorkOrder o, Instant at) {
        require(o.acknowledge(handlerOf(o.leadUnit()), at));
        return o;
    }

    static WorkOrder reply(WorkOrder o, boolean citizenContacted, Instant at) {
        require(o.reply(new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已清理排水口", "疏通雨水篦子", null,
                citizenContacted), handlerOf(o.leadUnit()), at));
        return o;
    }

    static WorkOrder redo(WorkOrder o, Instant at) {
        require(o.redo("回访不满意，积水仍在", reviewer(), at, DEADLINES));
        return o;
    }

    static WorkOrder close(WorkOrder o, Instant at) {
        require(o.close(passedTheLoop(o), "回访满意", reviewer(), at));
        return o;
    }

    static WorkOrder returned(WorkOrder o, UnitId to, Instant requestedAt, Instant approvedAt) {
        require(o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, to, "属于其他部门职责", handlerOf(o.leadUnit()),
                requestedAt, DEADLINES));
        require(o.approveReturn(null, "同意改派", dispatcher(), approvedAt, DEADLINES));
        return o;
    }

    static WorkOrder coUnitSubmits(WorkOrder o, UnitId coUnit, Instant at) {
        require(o.submitCoUnitPart("已安排社区排查", handlerOf(coUnit), at));
        return o;
    }

    static WorkOrder coUnitDeclines(WorkOrder o, UnitId coUnit, Instant at) {
        require(o.declineAsCoUnit("不属于本单位职责", handlerOf(coUnit), at));
        return o;
    }

    /** 回访: one attempt about the order's reply {@code replySeq}; reached ones carry the citizen's answer. */
    static void callback(JdbcTemplate jdbc, WorkOrder o, int replySeq, int attempt, Instant at, String satisfaction,
            Boolean resolved) {
        jdbc.update("""
                INSERT INTO callback_attempt (order_number, unit_id, reply_seq, attempt, attempted_at, agent, reached,
                  resolved, satisfaction)
                VALUES (?, ?, ?, ?, ?, 'callback1', ?, ?, ?)
                """, o.number().value(), o.leadUnit().value(), replySeq, attempt, at.atOffset(ZoneOffset.UTC),
                satisfaction != null, resolved, satisfaction);
    }

    /**
     * Four orders of one unit on one day ({@code day} 09:00), each acknowledged, answered on time with the citizen
     * contacted, closed the next day and called back then: the first {@code unsatisfied} citizens are unsatisfied
     * (and say it is unresolved), the others satisfied. A {@code decliningCoUnit} (or null) is co-unit on each and
     * declines its part.
     */
    static List<WorkOrder> fourOrdersCalledBack(WorkOrders orders, JdbcTemplate jdbc, UnitId unit, String day,
            int unsatisfied, UnitId decliningCoUnit) {
        Instant t = WorkOrderFixture.at(day + "T09:00");
        List<WorkOrder> built = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            WorkOrder o = dispatched(unit, decliningCoUnit == null ? List.of() : List.of(decliningCoUnit), t);
            acknowledge(o, t.plusSeconds(600));
            if (decliningCoUnit != null) {
                coUnitDeclines(o, decliningCoUnit, t.plusSeconds(1200));
            }
            reply(o, true, t.plusSeconds(3600));
            close(o, t.plusSeconds(86400 + 3600));
            orders.add(o);
            built.add(o);
        }
        for (int i = 0; i < built.size(); i++) {
            boolean unhappy = i < unsatisfied;
            callback(jdbc, built.get(i), 1, 1, t.plusSeconds(86400), unhappy ? "UNSATISFIED" : "SATISFIED", !unhappy);
        }
        return built;
    }

    /** 一把手抽访: the unit's draw of the day, and for each drawn order when the leader signed (null: not yet). */
    static void leaderSample(JdbcTemplate jdbc, UnitId unit, LocalDate day, Instant due, List<WorkOrder> drawn,
            List<Instant> completedAt) {
        jdbc.update("""
                INSERT INTO leader_sample_draw (sample_day, unit_id, replied_count, sample_size, drawn_at, due_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, day, unit.value(), drawn.size() * 10, drawn.size(), due.minusSeconds(86400).atOffset(ZoneOffset.UTC),
                due.atOffset(ZoneOffset.UTC));
        for (int i = 0; i < drawn.size(); i++) {
            Instant done = completedAt.get(i);
            jdbc.update("""
                    INSERT INTO leader_sample (sample_day, unit_id, order_number, completed_at, leader, reached,
                      resolved, satisfaction)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, day, unit.value(), drawn.get(i).number().value(),
                    done == null ? null : done.atOffset(ZoneOffset.UTC), done == null ? null : unit + "-leader",
                    done == null ? null : true, done == null ? null : true, done == null ? null : "SATISFIED");
        }
    }
}
