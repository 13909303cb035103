package org.hotline.workorder;

import org.hotline.organization.UnitId;

/**
 * The supervisors' lists (督办): the orders across units that are late or nearly late, and those redone again and
 * again, for the center to press the units on. One list at a time, with how many orders each list holds under
 * the same filters.
 *
 * @param query the list asked for and its filters
 * @param counts how many orders each list holds under those filters
 * @param list the page of the list asked for
 */
public record SupervisionLists(Query query, Counts counts, WorkList list) {

    /** A unit's order redone this often or more is on the redo list: the second redo is where the loop escalates. */
    public static final int REDONE_AT_LEAST = 2;

    /** The lists. */
    public enum Kind {
        /** 超期: the reply is overdue. */
        OVERDUE,
        /** 临期: most of the handling time is gone. */
        AT_RISK,
        /** 签收超期: dispatched and not acknowledged in time. */
        ACKNOWLEDGE_OVERDUE,
        /** 多次重办: open orders redone {@link #REDONE_AT_LEAST} times or more. */
        REDONE;

        /** Whether an open order, redone so often, belongs to this list by what its clocks say. */
        public boolean includes(OrderClocks.Verdicts verdicts, int redoCount) {
            return switch (this) {
                case OVERDUE -> verdicts.overdue();
                case AT_RISK -> verdicts.atRisk();
                case ACKNOWLEDGE_OVERDUE -> verdicts.acknowledgeOverdue();
                case REDONE -> redoCount >= REDONE_AT_LEAST;
            };
        }

        /**
         * Where a line of this list stands: the clock the list is about (an order both unacknowledged in time and at
         * risk is at risk on the at-risk list); the order's worst verdict on the redo list.
         */
        public WorkList.Standing standing(OrderClocks.Verdicts verdicts) {
            return switch (this) {
                case OVERDUE, ACKNOWLEDGE_OVERDUE -> WorkList.Standing.OVERDUE;
                case AT_RISK -> WorkList.Standing.AT_RISK;
                case REDONE -> verdicts.standing();
            };
        }

        /** The deadline a line of this list is about. */
        public WorkList.Due due(OrderClocks clocks) {
            return switch (this) {
                case OVERDUE, AT_RISK -> WorkList.Due.HANDLE;
                case ACKNOWLEDGE_OVERDUE -> WorkList.Due.ACKNOWLEDGE;
                case REDONE -> clocks.nextDue();
            };
        }
    }

    /** How a list is ordered. */
    public enum Sort {
        /** The earliest deadline first. */
        DEADLINE,
        /** By lead unit, then the earliest deadline first. */
        UNIT
    }

    /**
     * A list, narrowed to a lead unit and a category (and those below it) when given, one page of it.
     */
    public record Query(Kind kind, UnitId unit, String category, Sort sort, int page, int size) {

        public Query {
            kind = kind == null ? Kind.OVERDUE : kind;
            sort = sort == null ? Sort.DEADLINE : sort;
            page = Math.max(0, page);
            size = Math.max(1, Math.min(OrderQuery.MAX_SIZE, size));
        }
    }

    /** How many orders each list holds under the query's filters. */
    public record Counts(long overdue, long atRisk, long acknowledgeOverdue, long redone) {

        public long of(Kind kind) {
            return switch (kind) {
                case OVERDUE -> overdue;
                case AT_RISK -> atRisk;
                case ACKNOWLEDGE_OVERDUE -> acknowledgeOverdue;
                case REDONE -> redone;
            };
        }
    }
}
