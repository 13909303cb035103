package org.hotline.workorder;

import java.time.Instant;
import java.util.Set;

import org.hotline.organization.UnitId;

/**
 * A search over orders. {@code visibleTo} restricts the result to orders where that unit is lead or
 * co-unit; it is set from the viewer, never from the request, so a unit cannot widen it. {@code unit} finds the
 * orders a unit leads or co-handles, {@code leadUnit} those it leads (the unit the statistics count an order
 * under). {@code category} matches the code and everything below it. {@code callerPhone} (the caller's number as
 * digits, see {@link Citizen#normalisePhone}) matches the number however it was registered, {@code callerName}
 * the beginning of the caller's name; only the roles {@link CallerSearch} names may search by either.
 * {@code overdue} and {@code atRisk} (临期) are judged at the moment of the search, as the order page judges
 * them. {@code callback} finds the orders whose citizen was reached by a callback with the given result.
 * {@code extensionPending} keeps the orders whose lead unit asked for an extension that waits for the center.
 */
public record OrderQuery(Set<OrderStatus> statuses, UnitId unit, String category, Channel channel,
        AppealType appealType, Instant from, Instant to, Boolean overdue, String keyword, UnitId visibleTo, int page,
        int size, String callerPhone, String callerName, UnitId leadUnit, Boolean atRisk, Callback callback,
        boolean extensionPending) {

    public static final int MAX_SIZE = 200;

    /**
     * Orders whose citizen was reached by a callback (回访) made in {@code [from, to)} that rated it
     * {@code satisfaction} (SATISFIED, BASICALLY_SATISFIED, UNSATISFIED; null: any rating) and said it was
     * {@code resolved} or not (null: either). A reply reached twice counts by its last reached call, as the
     * statistics count it.
     */
    public record Callback(String satisfaction, Boolean resolved, Instant from, Instant to) {

        /** The ratings a callback records. */
        public static final Set<String> RATINGS = Set.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED");

        public Callback {
            if (satisfaction != null && !RATINGS.contains(satisfaction)) {
                throw new IllegalArgumentException("not a rating: " + satisfaction);
            }
        }
    }

    /** A search that does not ask for a caller. */
    public OrderQuery(Set<OrderStatus> statuses, UnitId unit, String category, Channel channel,
            AppealType appealType, Instant from, Instant to, Boolean overdue, String keyword, UnitId visibleTo,
            int page, int size) {
        this(statuses, unit, category, channel, appealType, from, to, overdue, keyword, visibleTo, page, size, null,
                null);
    }

    /** A search without the lead-unit, at-risk and callback conditions. */
    public OrderQuery(Set<OrderStatus> statuses, UnitId unit, String category, Channel channel,
            AppealType appealType, Instant from, Instant to, Boolean overdue, String keyword, UnitId visibleTo,
            int page, int size, String callerPhone, String callerName) {
        this(statuses, unit, category, channel, appealType, from, to, overdue, keyword, visibleTo, page, size,
                callerPhone, callerName, null, null, null, false);
    }

    /** The same search for one caller: by number (digits) and/or by the beginning of the name. */
    public OrderQuery byCaller(String phoneDigits, String name) {
        return new OrderQuery(statuses, unit, category, channel, appealType, from, to, overdue, keyword, visibleTo,
                page, size, phoneDigits, name, leadUnit, atRisk, callback, extensionPending);
    }

    /** The same search among the orders {@code lead} leads, at risk or not, with the callback condition. */
    public OrderQuery with(UnitId lead, Boolean atRiskNow, Callback callbackResult) {
        return new OrderQuery(statuses, unit, category, channel, appealType, from, to, overdue, keyword, visibleTo,
                page, size, callerPhone, callerName, lead, atRiskNow, callbackResult, extensionPending);
    }

    /** The same search among the orders with an extension request waiting for the center's decision. */
    public OrderQuery withExtensionPending() {
        return new OrderQuery(statuses, unit, category, channel, appealType, from, to, overdue, keyword, visibleTo,
                page, size, callerPhone, callerName, leadUnit, atRisk, callback, true);
    }

    /** The same search within the orders this unit leads or co-handles. */
    OrderQuery restrictedTo(UnitId unit) {
        return new OrderQuery(statuses, this.unit, category, channel, appealType, from, to, overdue, keyword, unit,
                page, size, callerPhone, callerName, leadUnit, atRisk, callback, extensionPending);
    }

    /** Whether the search names a caller, which only some roles may do. */
    public boolean asksForCaller() {
        return callerPhone != null || callerName != null;
    }
}
