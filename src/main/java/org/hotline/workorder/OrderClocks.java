package org.hotline.workorder;

import java.time.Instant;

import org.hotline.deadline.Deadlines;

/**
 * An order's clocks and what they say at a moment: overdue (超期), at risk (临期), waiting for acknowledgement. The
 * order answers these through it ({@link WorkOrder#isOverdue} and the rest), and so does every work list that
 * reads the clocks alone from storage (a unit's inbox, the supervisors' lists), so that a list and the order page
 * never disagree about whether an order is late. Nothing here is stored: it is derived from the deadlines and the
 * time the caller passes in.
 *
 * @param status where the order stands
 * @param dispatchedAt when the lead unit's clocks started (null before dispatch)
 * @param acknowledgeDeadline when the lead unit must acknowledge (签收) by
 * @param handleDeadline when the reply is due
 */
public record OrderClocks(OrderStatus status, Instant dispatchedAt, Instant acknowledgeDeadline,
        Instant handleDeadline) {

    /** 超期: the reply is due and has not come; a paused clock (a return under review) is never overdue. */
    public boolean isOverdue(Instant now) {
        return handleDeadline != null && OrderStatus.handling().contains(status)
                && status != OrderStatus.RETURN_REQUESTED && now.isAfter(handleDeadline);
    }

    /** Not acknowledged although the acknowledge deadline has passed. */
    public boolean isAcknowledgeOverdue(Instant now) {
        return status == OrderStatus.DISPATCHED && acknowledgeDeadline != null && now.isAfter(acknowledgeDeadline);
    }

    /** 临期: most of the handling time is gone but the deadline has not passed yet. */
    public boolean isAtRisk(Instant now, Deadlines deadlines) {
        if (handleDeadline == null || dispatchedAt == null || !OrderStatus.handling().contains(status)
                || isOverdue(now) || status == OrderStatus.RETURN_REQUESTED) {
            return false;
        }
        return !now.isBefore(deadlines.atRiskFrom(dispatchedAt, handleDeadline));
    }

    /**
     * The deadline the lead unit works to now: the acknowledgement while the order waits for it, the reply
     * otherwise (also while a return is reviewed, when that clock stands still).
     */
    public WorkList.Due nextDue() {
        return status == OrderStatus.DISPATCHED ? WorkList.Due.ACKNOWLEDGE : WorkList.Due.HANDLE;
    }

    /** When {@link #nextDue()} runs out. */
    public Instant nextDueBy() {
        return nextDue() == WorkList.Due.ACKNOWLEDGE ? acknowledgeDeadline : handleDeadline;
    }

    /**
     * Where the lead unit stands with the order: paused while a return is reviewed; overdue when the reply is
     * overdue or, while it waits, the acknowledgement; at risk when most of the handling time is gone; on track
     * otherwise; done once it is no longer being handled (replied, closed).
     */
    public WorkList.Standing standing(Instant now, Deadlines deadlines) {
        return at(now, deadlines).standing();
    }

    /** Every verdict of the clocks at {@code now}, each worked out once. */
    public Verdicts at(Instant now, Deadlines deadlines) {
        return new Verdicts(status, isOverdue(now), isAcknowledgeOverdue(now), isAtRisk(now, deadlines));
    }

    /**
     * What the clocks say at one moment.
     *
     * @param status the order's status then
     * @param overdue the reply is overdue
     * @param acknowledgeOverdue the acknowledgement is overdue
     * @param atRisk the reply is at risk (not overdue yet)
     */
    public record Verdicts(OrderStatus status, boolean overdue, boolean acknowledgeOverdue, boolean atRisk) {

        /** The worst of them, as one word: see {@link OrderClocks#standing}. */
        public WorkList.Standing standing() {
            if (!OrderStatus.handling().contains(status)) {
                return WorkList.Standing.DONE;
            }
            if (status == OrderStatus.RETURN_REQUESTED) {
                return WorkList.Standing.PAUSED;
            }
            if (overdue || acknowledgeOverdue) {
                return WorkList.Standing.OVERDUE;
            }
            return atRisk ? WorkList.Standing.AT_RISK : WorkList.Standing.ON_TRACK;
        }
    }
}
