package org.hotline.statistics;

import java.time.Instant;
import java.util.List;

/**
 * The orders whose handling clock runs at {@code asOf} (dispatched or in progress, a return under review not
 * included), and of them how many are overdue (超期: past the handle deadline) and at risk (临期: most of the
 * working time used, the deadline not passed), exactly as each order's page judges them; in total and per lead
 * unit, the units with the most overdue first. {@code range} (optional) restricts the orders to those registered
 * within it; without it every running order counts, however old.
 */
public record DueNow(Instant asOf, DateRange range, String unit, String category, Counts total, List<UnitDue> units) {

    /** Running orders, and how many of them are overdue and at risk. */
    public record Counts(long running, long overdue, long atRisk) {

        public static final Counts NONE = new Counts(0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(running + other.running, overdue + other.overdue, atRisk + other.atRisk);
        }

        /** Neither overdue nor at risk: time enough (正常). */
        public long onTrack() {
            return running - overdue - atRisk;
        }
    }

    /** One lead unit's counts; {@code unit} null for orders that have none (never running, kept for the sum). */
    public record UnitDue(String unit, String unitName, Counts counts) {
    }
}
