package org.hotline.quality.internal;

import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.quality.ReplyCheck;
import org.hotline.quality.ReviewLevel;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders for the quality pages' tests, taken through the services as the demo users would take them: registered,
 * dispatched, acknowledged, the co-units' parts in, replied, and then reviewed or called back by the quality loop.
 */
final class QualityDesk {

    static final UnitId ENFORCEMENT = new UnitId("dcf-zhzfj");
    static final UnitId GULOU = new UnitId("dcf-gulou");
    static final UnitId MARKET = new UnitId("dcf-scjgj");

    static final Actor OPERATOR = new Actor("operator1", "话务员一", Role.OPERATOR, null);
    static final Actor DISPATCHER = new Actor("dispatcher1", "派单员一", Role.DISPATCHER, null);
    static final Actor REVIEWER = new Actor("reviewer1", "审核员一", Role.REVIEWER, null);
    static final Actor DIRECTOR = new Actor("director1", "中心主任", Role.DIRECTOR, null);
    static final Actor SUPERVISOR = new Actor("supervisor1", "督办员一", Role.SUPERVISOR, null);

    private final WorkOrderService orders;
    private final QualityLoop loop;
    private final JdbcClient jdbc;

    QualityDesk(WorkOrderService orders, QualityLoop loop, JdbcClient jdbc) {
        this.orders = orders;
        this.loop = loop;
        this.jdbc = jdbc;
    }

    static Actor handler(UnitId unit) {
        return switch (unit.value()) {
            case "dcf-zhzfj" -> new Actor("zf-handler", "综合执法局承办人", Role.UNIT_HANDLER, unit);
            case "dcf-gulou" -> new Actor("gulou-handler", "古楼街道承办人", Role.UNIT_HANDLER, unit);
            case "dcf-scjgj" -> new Actor("scj-handler", "市场监管局承办人", Role.UNIT_HANDLER, unit);
            default -> throw new IllegalArgumentException("no demo handler for " + unit);
        };
    }

    static Actor leader(UnitId unit) {
        return switch (unit.value()) {
            case "dcf-zhzfj" -> new Actor("zf-leader", "综合执法局负责人", Role.UNIT_LEADER, unit);
            case "dcf-gulou" -> new Actor("gulou-leader", "古楼街道负责人", Role.UNIT_LEADER, unit);
            case "dcf-scjgj" -> new Actor("scj-leader", "市场监管局负责人", Role.UNIT_LEADER, unit);
            default -> throw new IllegalArgumentException("no demo leader for " + unit);
        };
    }

    /** One appeal as the operator registers it and the dispatcher sends it, acknowledged by the lead unit. */
    OrderNumber inProgress(String content, Citizen citizen, String address, String category, Urgency urgency,
            UnitId lead, List<UnitId> coUnits) {
        OrderNumber n = orders.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT, citizen, content,
                new Location(address, null, null), category, urgency), null, OPERATOR, null, null).order().number();
        orders.dispatch(n, lead, coUnits, null, null, DISPATCHER, null);
        orders.acknowledge(n, handler(lead), null);
        return n;
    }

    /** The co-unit's part delivered. */
    void coUnitPart(OrderNumber n, UnitId coUnit, String part) {
        orders.acknowledgeAsCoUnit(n, handler(coUnit), null);
        orders.submitCoUnitPart(n, part, handler(coUnit), null);
    }

    /** The lead unit replies; returns once the quality loop has opened the reply's check. */
    void reply(OrderNumber n, UnitId lead, String publicReply, String actions, String internalNote) {
        orders.reply(n, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, publicReply, actions, internalNote, true),
                handler(lead), null);
        QualityApi.awaitUntil("the check of the reply of " + n + " is open", () -> jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM reply_check WHERE order_number = :n)
                     - (SELECT COUNT(*) FROM work_order_reply WHERE order_number = :n)""")
                .param("n", n.value()).query(Long.class).single() == 0);
    }

    /** A phone complaint to {@code lead}, replied and waiting for review. */
    OrderNumber replied(String content, Citizen citizen, String address, String category, UnitId lead,
            String publicReply) {
        OrderNumber n = inProgress(content, citizen, address, category, Urgency.NORMAL, lead, List.of());
        reply(n, lead, publicReply, null, null);
        return n;
    }

    ReplyCheck review(OrderNumber n, Actor reviewer, boolean approve, String reason) {
        return loop.review(n, null, approve, reason, reviewer);
    }

    /** The levels the reply waits for, as the loop reports it. */
    ReviewLevel currentLevel(OrderNumber n) {
        String level = jdbc.sql("SELECT current_level FROM reply_check WHERE order_number = :n AND stage = 'REVIEW'")
                .param("n", n.value()).query(String.class).optional().orElse(null);
        return level == null ? null : ReviewLevel.valueOf(level);
    }

    WorkOrderService orders() {
        return orders;
    }

    QualityLoop loop() {
        return loop;
    }
}
