package org.hotline.workorder;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.hotline.deadline.CalendarDeadlines;
import org.hotline.deadline.Deadlines;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;

/**
 * Orders and people for the work-order tests. Times are Beijing time; the deadlines run on the real
 * 2025/2026 working-day calendar that ships with the product.
 */
public final class WorkOrderFixture {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Deadlines DEADLINES = CalendarDeadlines.chinaDefaults(ZONE);

    /** 区综合行政执法局: gets the waterlogging orders. */
    public static final UnitId ENFORCEMENT = new UnitId("dcf-zhzfj");
    /** 区市场监督管理局 */
    public static final UnitId MARKET = new UnitId("dcf-scjgj");
    /** 古楼街道: the territorial unit of the old town. */
    public static final UnitId GULOU = new UnitId("dcf-gulou");
    /** 区住房和城乡建设局 */
    public static final UnitId HOUSING = new UnitId("dcf-zjj");

    /** Monday 30 November 2026, 09:00: an ordinary working morning. */
    public static final Instant MONDAY_MORNING = at("2026-11-30T09:00");

    private static int sequence = 1;

    private WorkOrderFixture() {
    }

    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    public static Actor operator() {
        return new Actor("operator1", "话务员一", Role.OPERATOR, null);
    }

    public static Actor dispatcher() {
        return new Actor("dispatcher1", "派单员一", Role.DISPATCHER, null);
    }

    public static Actor supervisor() {
        return new Actor("supervisor1", "督办员一", Role.SUPERVISOR, null);
    }

    public static Actor reviewer() {
        return new Actor("reviewer1", "审核员一", Role.REVIEWER, null);
    }

    public static Actor director() {
        return new Actor("director1", "主任", Role.DIRECTOR, null);
    }

    public static Actor admin() {
        return new Actor("admin", "管理员", Role.ADMIN, null);
    }

    public static Actor handlerOf(UnitId unit) {
        return new Actor(unit.value() + "-handler", unit.value() + " 承办人", Role.UNIT_HANDLER, unit);
    }

    public static Actor leaderOf(UnitId unit) {
        return new Actor(unit.value() + "-leader", unit.value() + " 负责人", Role.UNIT_LEADER, unit);
    }

    public static WorkOrder.Appeal appeal(AppealType type, String content) {
        return new WorkOrder.Appeal(Channel.PHONE, type, new Citizen("王女士", "13812341234", false), content,
                new Location("古楼街道东关街 12 号", null, null), null, Urgency.NORMAL);
    }

    public static OrderNumber nextNumber() {
        return OrderNumber.of(java.time.LocalDate.of(2026, 11, 30), sequence++);
    }

    public static WorkOrder registered(Instant at) {
        WorkOrder o = WorkOrder.register(nextNumber(), appeal(AppealType.COMPLAINT, "小巷积水，无法通行"), operator(), at);
        return o;
    }

    /** Dispatched to {@code lead}, with {@link #GULOU} as co-unit unless the lead is Gulou itself. */
    public static WorkOrder dispatched(UnitId lead, Instant at) {
        WorkOrder o = registered(at);
        List<UnitId> co = lead.equals(GULOU) ? List.of() : List.of(GULOU);
        require(o.dispatch(lead, co, null, null, dispatcher(), at, DEADLINES));
        return o;
    }

    public static WorkOrder inProgress(UnitId lead, Instant at) {
        WorkOrder o = dispatched(lead, at);
        require(o.acknowledge(handlerOf(lead), at.plusSeconds(600)));
        return o;
    }

    /** Builds an order in the given status through legal transitions only, starting at {@code t0}. */
    public static WorkOrder inStatus(OrderStatus status, Instant t0) {
        return switch (status) {
            case REGISTERED -> registered(t0);
            case DISPATCHED -> dispatched(ENFORCEMENT, t0);
            case IN_PROGRESS -> inProgress(ENFORCEMENT, t0);
            case RETURN_REQUESTED -> {
                WorkOrder o = dispatched(ENFORCEMENT, t0);
                require(o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, HOUSING, "属于住建部门职责",
                        handlerOf(ENFORCEMENT), t0.plusSeconds(1800), DEADLINES));
                yield o;
            }
            case REPLIED -> replied(t0);
            case CLOSED -> {
                WorkOrder o = replied(t0);
                require(o.close(passedTheLoop(o), "回访满意", reviewer(), t0.plusSeconds(3 * 86400)));
                yield o;
            }
            case MERGED -> {
                WorkOrder master = registered(t0);
                WorkOrder o = registered(t0.plusSeconds(60));
                require(o.mergeInto(master, "同一积水点", dispatcher(), t0.plusSeconds(120)));
                yield o;
            }
        };
    }

    private static WorkOrder replied(Instant t0) {
        WorkOrder o = inProgress(ENFORCEMENT, t0);
        require(o.submitCoUnitPart("已安排社区排查", handlerOf(GULOU), t0.plusSeconds(3600)));
        require(o.reply(reply(), handlerOf(ENFORCEMENT), t0.plusSeconds(7200)));
        return o;
    }

    /**
     * The clearance the quality loop gives once the check of the order's latest reply has passed, as the
     * work-order service builds it from what {@link QualityGate} reads in storage; tests stand in for the loop.
     */
    public static QualityClearance passedTheLoop(WorkOrder o) {
        return new QualityClearance(o.replies().get(o.replies().size() - 1).seq(), "回访已解决，办结");
    }

    public static WorkOrder.ReplyContent reply() {
        return new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已清理排水口，积水已排除", "现场疏通雨水篦子 3 处",
                "需汛期复查", true);
    }

    public static void require(Decision d) {
        if (!d.isAllowed()) {
            throw new AssertionError("fixture step refused: " + d);
        }
    }
}
