package org.hotline.workorder;

/**
 * A unit's inbox (待办): the orders it leads that are being handled, by the deadline it works to next (the
 * acknowledgement while it waits for it, the reply after that; a return under review last, its clock paused),
 * and the parts it owes as co-unit, by their own deadlines. The counters say how many lines each filter holds.
 *
 * @param filter what the lists are filtered to
 * @param counts how many lines each filter holds
 * @param led the orders the unit leads (page of them)
 * @param coHandled the parts the unit owes as co-unit (page of them)
 */
public record Inbox(Filter filter, Counts counts, WorkList led, WorkList coHandled) {

    /** What the inbox may be narrowed to; each counter at the top of the inbox is one of them. */
    public enum Filter {
        /** 全部: everything the unit has to do. */
        ALL,
        /** 待签收: led orders not yet acknowledged. */
        TO_ACKNOWLEDGE,
        /** 办理中: led orders acknowledged (a return under review included). */
        HANDLING,
        /** 临期: led orders and co-unit parts with most of their time gone. */
        AT_RISK,
        /** 超期: led orders and co-unit parts past their deadline. */
        OVERDUE,
        /** 待协办: the parts owed as co-unit. */
        CO_UNIT,
        /** 重办: led orders sent back for redo at least once. */
        REDO;

        /** Whether a led order, in this status and standing and redone so often, belongs to this filter. */
        public boolean includesLed(OrderStatus status, WorkList.Standing standing, int redoCount) {
            return switch (this) {
                case ALL -> true;
                case TO_ACKNOWLEDGE -> status == OrderStatus.DISPATCHED;
                case HANDLING -> status != OrderStatus.DISPATCHED;
                case AT_RISK -> standing == WorkList.Standing.AT_RISK;
                case OVERDUE -> standing == WorkList.Standing.OVERDUE;
                case CO_UNIT -> false;
                case REDO -> redoCount > 0;
            };
        }

        /** Whether a co-unit's part belongs to this filter. */
        public boolean includesPart(WorkList.Standing standing) {
            return switch (this) {
                case ALL, CO_UNIT -> true;
                case AT_RISK -> standing == WorkList.Standing.AT_RISK;
                case OVERDUE -> standing == WorkList.Standing.OVERDUE;
                case TO_ACKNOWLEDGE, HANDLING, REDO -> false;
            };
        }

        /** Whether the filter can hold led orders at all (the co-unit filter cannot). */
        public boolean showsLed() {
            return this != CO_UNIT;
        }

        /** Whether the filter can hold co-unit parts at all. */
        public boolean showsParts() {
            return this == ALL || this == CO_UNIT || this == AT_RISK || this == OVERDUE;
        }
    }

    /** How many lines each filter holds. */
    public record Counts(long all, long toAcknowledge, long handling, long atRisk, long overdue, long coUnit,
            long redo) {

        public long of(Filter filter) {
            return switch (filter) {
                case ALL -> all;
                case TO_ACKNOWLEDGE -> toAcknowledge;
                case HANDLING -> handling;
                case AT_RISK -> atRisk;
                case OVERDUE -> overdue;
                case CO_UNIT -> coUnit;
                case REDO -> redo;
            };
        }
    }
}
