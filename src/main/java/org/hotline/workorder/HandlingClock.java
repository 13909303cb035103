package org.hotline.workorder;

import java.time.Instant;

import org.hotline.deadline.Deadlines;

/**
 * The lead unit's clocks on an order, started by each dispatch on the working-day calendar: when the order was
 * dispatched, by when the unit must acknowledge it (签收) and when it did, by when it must reply, and until when it
 * may ask to return it (退回). A redo restarts the acknowledge and reply clocks; a return under review pauses the
 * reply clock (its deadline moves by the working time the review took); an approved extension moves it on.
 * Replaced whole on every change. Whether a clock runs at all depends on the order's status, so overdue and at
 * risk are the order's to derive.
 */
public record HandlingClock(Instant dispatchedAt, Instant acknowledgeDeadline, Instant acknowledgedAt,
        Instant handleDeadline, Instant returnRequestDeadline) {

    /** Before the first dispatch: no clock runs. */
    public static final HandlingClock NOT_STARTED = new HandlingClock(null, null, null, null, null);

    /** The clocks of a dispatch (or re-dispatch) to a lead unit at {@code now}. */
    static HandlingClock startedAt(Instant now, boolean urgent, Deadlines deadlines) {
        return new HandlingClock(now, deadlines.acknowledgeBy(now, urgent), null, deadlines.handleBy(now, urgent),
                deadlines.returnRequestBy(now));
    }

    public boolean isStarted() {
        return dispatchedAt != null;
    }

    /** Whether {@code at} is past the handling deadline: a reply then comes late. */
    public boolean isPastHandleDeadline(Instant at) {
        return handleDeadline != null && at.isAfter(handleDeadline);
    }

    /** Whether {@code at} is past the acknowledge deadline: an acknowledgement then comes late. */
    public boolean isPastAcknowledgeDeadline(Instant at) {
        return acknowledgeDeadline != null && at.isAfter(acknowledgeDeadline);
    }

    HandlingClock acknowledged(Instant at) {
        return new HandlingClock(dispatchedAt, acknowledgeDeadline, at, handleDeadline, returnRequestDeadline);
    }

    /** Treated as acknowledged at {@code at} unless the unit already did. */
    HandlingClock acknowledgedUnlessAlready(Instant at) {
        return acknowledgedAt != null ? this : acknowledged(at);
    }

    /** The reply clock stood still from {@code from} to {@code to}: its deadline moves by that working time. */
    HandlingClock paused(Instant from, Instant to, Deadlines deadlines) {
        return withHandleDeadline(deadlines.pause(handleDeadline, from, to));
    }

    /** An approved extension of {@code workingDays}. */
    HandlingClock extended(int workingDays, Deadlines deadlines) {
        return withHandleDeadline(deadlines.extend(handleDeadline, workingDays));
    }

    /** A redo at {@code now}: acknowledge again and reply by a new deadline; the dispatch and its return window stand. */
    HandlingClock restartedForRedo(Instant now, boolean urgent, Deadlines deadlines) {
        return new HandlingClock(dispatchedAt, deadlines.acknowledgeBy(now, urgent), null,
                deadlines.redoBy(now, urgent), returnRequestDeadline);
    }

    private HandlingClock withHandleDeadline(Instant deadline) {
        return new HandlingClock(dispatchedAt, acknowledgeDeadline, acknowledgedAt, deadline, returnRequestDeadline);
    }
}
