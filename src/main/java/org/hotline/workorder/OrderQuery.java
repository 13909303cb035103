package org.hotline.workorder;

import java.time.Instant;
import java.util.Set;

import org.hotline.organization.UnitId;

/**
 * A search over orders. {@code visibleTo} restricts the result to orders where that unit is lead or
 * co-unit; it is set from the viewer, never from the request, so a unit cannot widen it. {@code category}
 * matches the code and everything below it.
 */
public record OrderQuery(Set<OrderStatus> statuses, UnitId unit, String category, Channel channel,
        AppealType appealType, Instant from, Instant to, Boolean overdue, String keyword, UnitId visibleTo, int page,
        int size) {

    public static final int MAX_SIZE = 200;
}
