package org.hotline.workorder;

import java.time.Instant;

import org.hotline.organization.UnitId;

/** One row of an order list: enough to show and sort, without the order's history. */
public record OrderSummary(OrderNumber number, OrderStatus status, Channel channel, AppealType appealType,
        Urgency urgency, String categoryCode, UnitId leadUnit, Citizen citizen, String content, String address,
        Instant registeredAt, Instant handleDeadline, int redoCount, int supervisionCount, boolean overdue) {
}
