package org.hotline.workorder.console;

import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;

/** Orders for the console's tests, made through the service as the demo users would make them. */
final class ConsoleOrders {

    static final UnitId ENFORCEMENT = new UnitId("dcf-zhzfj");
    static final UnitId GULOU = new UnitId("dcf-gulou");
    static final UnitId MARKET = new UnitId("dcf-scjgj");

    static final Actor OPERATOR = new Actor("operator1", "话务员一", Role.OPERATOR, null);
    static final Actor DISPATCHER = new Actor("dispatcher1", "派单员一", Role.DISPATCHER, null);
    static final Actor SUPERVISOR = new Actor("supervisor1", "督办员一", Role.SUPERVISOR, null);

    private final WorkOrderService orders;

    ConsoleOrders(WorkOrderService orders) {
        this.orders = orders;
    }

    static Actor handler(String username, UnitId unit) {
        return new Actor(username, username, Role.UNIT_HANDLER, unit);
    }

    OrderNumber registered(String content, Citizen citizen) {
        return orders.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT, citizen, content,
                new Location("古楼街道东关街 12 号", null, null), "09.05.03", Urgency.NORMAL), null, OPERATOR, null, null)
                .order().number();
    }

    /** Dispatched to 综合行政执法局 with 古楼街道 as co-unit. */
    OrderNumber dispatched(String content, Citizen citizen) {
        OrderNumber n = registered(content, citizen);
        orders.dispatch(n, ENFORCEMENT, List.of(GULOU), null, "积水点，执法局牵头，街道配合", DISPATCHER, null);
        return n;
    }

    /** Dispatched, acknowledged, supervised once, the co-unit's part in: an order in the middle of its life. */
    OrderNumber underway(String content, Citizen citizen) {
        OrderNumber n = dispatched(content, citizen);
        orders.acknowledge(n, handler("zf-handler", ENFORCEMENT), null);
        orders.submitCoUnitPart(n, "社区已组织人员清理巷内杂物，排水口周边已清空", handler("gulou-handler", GULOU), null);
        orders.supervise(n, "该积水点本月第二次反映，请尽快疏通", SUPERVISOR, null);
        return n;
    }

    WorkOrderService service() {
        return orders;
    }
}
