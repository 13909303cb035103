package org.hotline.workorder;

import java.time.Instant;
import java.util.List;

import org.hotline.deadline.Deadlines;
import org.hotline.organization.UnitId;

/**
 * One page of a work list: orders in the order someone must act on them, each with the deadline that matters to
 * the reader and where it stands. A unit's inbox (待办) lists its own orders by the next deadline and a
 * co-unit's parts by theirs; the supervisors' lists show late and nearly late orders across units.
 *
 * @param items the lines of this page
 * @param page the page, from 0
 * @param size lines per page
 * @param total the lines of the whole list
 */
public record WorkList(List<Item> items, int page, int size, long total) {

    /** Which deadline a line is about. */
    public enum Due {
        /** 签收时限: the lead unit has not acknowledged the order yet. */
        ACKNOWLEDGE,
        /** 答复时限: the reply is due. */
        HANDLE,
        /** 协办时限: a co-unit's part is due. */
        CO_UNIT_PART
    }

    /** Where that deadline stands at the moment the list was read (never stored). */
    public enum Standing {
        /** 超期 */
        OVERDUE,
        /** 临期 */
        AT_RISK,
        /** 正常 */
        ON_TRACK,
        /** 暂停计时: a return is under review. */
        PAUSED,
        /** 已答复: the reply is in; none of the unit's clocks runs (a redone order waiting for review). */
        DONE
    }

    /**
     * One line.
     *
     * @param order the order as lists show it
     * @param clocks the order's clocks
     * @param due which deadline the line is about
     * @param dueBy when it runs out
     * @param standing where it stands
     * @param part for a co-unit's line, its part; null otherwise
     * @param lastSupervisedAt when the center last pressed the unit (督办), or null
     */
    public record Item(OrderSummary order, OrderClocks clocks, Due due, Instant dueBy, Standing standing, CoUnit part,
            Instant lastSupervisedAt) {

        /** The lead unit's line of an order at hand: by its next deadline (see {@link OrderClocks#nextDue}). */
        public static Item led(WorkOrder o, Instant now, Deadlines deadlines) {
            OrderClocks clocks = o.clocks();
            return new Item(OrderSummary.of(o, now), clocks, clocks.nextDue(), clocks.nextDueBy(),
                    clocks.standing(now, deadlines), null, o.supervision().lastAt());
        }

        /** A co-unit's line of an order at hand: by its part's deadline; empty when it is no co-unit there. */
        public static java.util.Optional<Item> part(WorkOrder o, UnitId unit, Instant now, Deadlines deadlines) {
            return o.coUnit(unit).map(part -> new Item(OrderSummary.of(o, now), o.clocks(), Due.CO_UNIT_PART,
                    part.deadline(), part.standing(now, deadlines), part, o.supervision().lastAt()));
        }
    }

    public static WorkList empty(int page, int size) {
        return new WorkList(List.of(), page, size, 0);
    }

    /** The number of pages (at least one, so that an empty list reads "page 1 of 1"). */
    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }
}
