package org.hotline.workorder;

import java.time.Instant;

import org.hotline.deadline.Deadlines;
import org.hotline.organization.UnitId;

/**
 * A co-unit (协办单位) of a joint order: it acknowledges, then submits its part by its own deadline. A
 * co-unit that misses the deadline or declines is recorded as non-cooperating (不配合); that record feeds
 * supervision and assessment. Co-units never return an order: only the lead unit may.
 */
public record CoUnit(UnitId unit, Instant addedAt, String addedBy, Instant deadline, Instant acknowledgedAt,
        Instant submittedAt, String contribution, Instant nonCooperationAt, String nonCooperationReason) {

    static CoUnit added(UnitId unit, Instant at, String by, Instant deadline) {
        return new CoUnit(unit, at, by, deadline, null, null, null, null, null);
    }

    public boolean hasSubmitted() {
        return submittedAt != null;
    }

    public boolean isNonCooperating() {
        return nonCooperationAt != null;
    }

    /** Still owes its part: neither submitted nor already written off as non-cooperating. */
    public boolean isPending() {
        return !hasSubmitted() && !isNonCooperating();
    }

    public boolean missedDeadline(Instant now) {
        return isPending() && now.isAfter(deadline);
    }

    /** 临期: still owed, not late yet, but most of its time is gone (the same share as the lead unit's clock). */
    public boolean isAtRisk(Instant now, Deadlines deadlines) {
        return isPending() && !missedDeadline(now) && !deadline.isBefore(addedAt)
                && !now.isBefore(deadlines.atRiskFrom(addedAt, deadline));
    }

    /** Where the part stands: done once delivered or written off, else overdue, at risk or on track. */
    public WorkList.Standing standing(Instant now, Deadlines deadlines) {
        if (!isPending()) {
            return WorkList.Standing.DONE;
        }
        if (missedDeadline(now)) {
            return WorkList.Standing.OVERDUE;
        }
        return isAtRisk(now, deadlines) ? WorkList.Standing.AT_RISK : WorkList.Standing.ON_TRACK;
    }

    CoUnit acknowledged(Instant at) {
        return new CoUnit(unit, addedAt, addedBy, deadline, at, submittedAt, contribution, nonCooperationAt,
                nonCooperationReason);
    }

    CoUnit submitted(Instant at, String text) {
        return new CoUnit(unit, addedAt, addedBy, deadline, acknowledgedAt == null ? at : acknowledgedAt, at, text,
                nonCooperationAt, nonCooperationReason);
    }

    CoUnit nonCooperating(Instant at, String reason) {
        return new CoUnit(unit, addedAt, addedBy, deadline, acknowledgedAt, submittedAt, contribution, at, reason);
    }
}
