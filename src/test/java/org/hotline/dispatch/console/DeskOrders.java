package org.hotline.dispatch.console;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.ReturnReason;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;

/**
 * Orders for the dispatcher's desk, made through the service as the demo users would make them: registered (the
 * AI's advice is recorded at intake, nothing is dispatched automatically in these tests), dispatched, waiting for a
 * return decision, waiting for an extension decision.
 */
final class DeskOrders {

    static final UnitId ENFORCEMENT = new UnitId("dcf-zhzfj");
    static final UnitId GULOU = new UnitId("dcf-gulou");
    static final UnitId MARKET = new UnitId("dcf-scjgj");
    static final UnitId HOUSING = new UnitId("dcf-zjj");
    static final UnitId LIUYUAN = new UnitId("dcf-liuyuan");

    static final Actor OPERATOR = new Actor("operator1", "话务员一", Role.OPERATOR, null);
    static final Actor DISPATCHER = new Actor("dispatcher1", "派单员一", Role.DISPATCHER, null);
    static final Actor SUPERVISOR = new Actor("supervisor1", "督办员一", Role.SUPERVISOR, null);

    private final WorkOrderService orders;

    DeskOrders(WorkOrderService orders) {
        this.orders = orders;
    }

    static Actor handler(UnitId unit) {
        return new Actor(unit.value() + "-handler", unit.value() + " 承办人", Role.UNIT_HANDLER, unit);
    }

    static String phone() {
        return "137" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    OrderNumber registered(String content, String address) {
        return registered(content, address, Urgency.NORMAL);
    }

    OrderNumber registered(String content, String address, Urgency urgency) {
        return orders.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                new Citizen("王女士", phone(), false), content, new Location(address, null, null), null, urgency), null,
                OPERATOR, null, null).order().number();
    }

    OrderNumber dispatched(String content, String address, UnitId lead, UnitId... co) {
        OrderNumber n = registered(content, address);
        orders.dispatch(n, lead, List.of(co), null, null, DISPATCHER, null);
        return n;
    }

    /** Dispatched to {@code lead}, which asks to return it to {@code suggested}. */
    OrderNumber returnRequested(String content, String address, UnitId lead, UnitId suggested, String why) {
        OrderNumber n = dispatched(content, address, lead);
        orders.requestReturn(n, ReturnReason.OUTSIDE_JURISDICTION, suggested, why, handler(lead), null);
        return n;
    }

    /** Dispatched to and acknowledged by {@code lead}, which asks for {@code days} more working days. */
    OrderNumber extensionRequested(String content, String address, UnitId lead, int days, String why) {
        OrderNumber n = dispatched(content, address, lead);
        orders.acknowledge(n, handler(lead), null);
        orders.requestExtension(n, days, why, handler(lead), null);
        return n;
    }

    WorkOrder find(OrderNumber n) {
        return orders.find(n, SUPERVISOR);
    }
}
