package org.hotline.workorder;

import java.time.Instant;

import org.hotline.organization.UnitId;

/**
 * The lead unit's requests to return the order (退回; see {@link FirstReceiverResponsibility}): how many it has
 * made in the order's life, and the latest one, when, why (the unit's explanation) and which unit it named. The
 * window for asking is a clock of the dispatch ({@link HandlingClock#returnRequestDeadline()}); the center's
 * decision is a line of the history.
 */
public record ReturnRequest(int count, Instant requestedAt, String reason, UnitId suggestedUnit) {

    /** No return asked for. */
    public static final ReturnRequest NONE = new ReturnRequest(0, null, null, null);

    public boolean wasMade() {
        return count > 0;
    }

    /** One more request, at {@code at}. */
    ReturnRequest another(Instant at, String reason, UnitId suggestedUnit) {
        return new ReturnRequest(count + 1, at, reason, suggestedUnit);
    }
}
