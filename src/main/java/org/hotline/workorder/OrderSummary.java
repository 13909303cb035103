package org.hotline.workorder;

import java.time.Instant;

import org.hotline.organization.UnitId;

/** One row of an order list: enough to show and sort, without the order's history. */
public record OrderSummary(OrderNumber number, OrderStatus status, Channel channel, AppealType appealType,
        Urgency urgency, String categoryCode, UnitId leadUnit, Citizen citizen, String content, String address,
        Instant registeredAt, Instant handleDeadline, int redoCount, int supervisionCount, boolean overdue) {

    /** The row of an order at hand, as a list would read it at {@code now}. */
    public static OrderSummary of(WorkOrder o, Instant now) {
        return new OrderSummary(o.number(), o.status(), o.channel(), o.appealType(), o.urgency(), o.categoryCode(),
                o.leadUnit(), o.citizen(), o.content(), o.location().address(), o.registeredAt(), o.clock().handleDeadline(),
                o.redoCount(), o.supervision().count(), o.isOverdue(now));
    }
}
