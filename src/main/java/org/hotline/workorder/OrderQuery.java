package org.hotline.workorder;

import java.time.Instant;
import java.util.Set;

import org.hotline.organization.UnitId;

/**
 * A search over orders. {@code visibleTo} restricts the result to orders where that unit is lead or
 * co-unit; it is set from the viewer, never from the request, so a unit cannot widen it. {@code category}
 * matches the code and everything below it. {@code callerPhone} (the caller's number as digits, see
 * {@link Citizen#normalisePhone}) matches the number however it was registered, {@code callerName} the
 * beginning of the caller's name; only the roles {@link CallerSearch} names may search by either.
 * {@code extensionPending} keeps the orders whose lead unit asked for an extension that waits for the center.
 */
public record OrderQuery(Set<OrderStatus> statuses, UnitId unit, String category, Channel channel,
        AppealType appealType, Instant from, Instant to, Boolean overdue, String keyword, UnitId visibleTo, int page,
        int size, String callerPhone, String callerName, boolean extensionPending) {

    public static final int MAX_SIZE = 200;

    /** A search that may ask for a caller. */
    public OrderQuery(Set<OrderStatus> statuses, UnitId unit, String category, Channel channel,
            AppealType appealType, Instant from, Instant to, Boolean overdue, String keyword, UnitId visibleTo,
            int page, int size, String callerPhone, String callerName) {
        this(statuses, unit, category, channel, appealType, from, to, overdue, keyword, visibleTo, page, size,
                callerPhone, callerName, false);
    }

    /** A search that does not ask for a caller. */
    public OrderQuery(Set<OrderStatus> statuses, UnitId unit, String category, Channel channel,
            AppealType appealType, Instant from, Instant to, Boolean overdue, String keyword, UnitId visibleTo,
            int page, int size) {
        this(statuses, unit, category, channel, appealType, from, to, overdue, keyword, visibleTo, page, size, null,
                null);
    }

    /** The same search for one caller: by number (digits) and/or by the beginning of the name. */
    public OrderQuery byCaller(String phoneDigits, String name) {
        return new OrderQuery(statuses, unit, category, channel, appealType, from, to, overdue, keyword, visibleTo,
                page, size, phoneDigits, name, extensionPending);
    }

    /** The same search among the orders with an extension request waiting for the center's decision. */
    public OrderQuery withExtensionPending() {
        return new OrderQuery(statuses, unit, category, channel, appealType, from, to, overdue, keyword, visibleTo,
                page, size, callerPhone, callerName, true);
    }

    /** The same search within the orders this unit leads or co-handles. */
    OrderQuery restrictedTo(UnitId unit) {
        return new OrderQuery(statuses, this.unit, category, channel, appealType, from, to, overdue, keyword, unit,
                page, size, callerPhone, callerName, extensionPending);
    }

    /** Whether the search names a caller, which only some roles may do. */
    public boolean asksForCaller() {
        return callerPhone != null || callerName != null;
    }
}
