package org.hotline.deadline;

import java.time.Duration;
import java.util.Objects;

/**
 * The hotline's time limits, configurable because each city's regulations set its own. The defaults follow
 * the common provincial rules: a unit acknowledges (签收) within 2 working hours, replies within 5 working
 * days, may request a return (退回) within 2 working days of dispatch, and may be granted extensions (延期)
 * of at most 10 working days in total; a co-unit (协办单位) delivers its part within 3 working days; an
 * order sent back for redo (重办) gets 5 working days again; an order is at risk (临期) once 75% of its
 * working time has passed, early enough for the center to urge (督办) before it is overdue (超期).
 *
 * <p>Urgent orders are the exception: their limits are elapsed time, on a clock that runs round the clock,
 * nights, weekends and holidays included. Urgent matters (a burst water main, no heating in a cold spell,
 * a blocked fire lane) get worse by the hour whether or not offices are open, and units keep duty staff
 * (值班) for exactly this reason; municipal tier rules ("emergency 2 hours, utilities 24 hours") are meant
 * in hours of the clock. An urgent order dispatched on Friday evening is due on Saturday evening, not on
 * Tuesday.
 *
 * @param acknowledge working time to acknowledge an ordinary order
 * @param urgentAcknowledge elapsed time to acknowledge an urgent order
 * @param handleDays working days to reply to an ordinary order
 * @param urgentHandle elapsed time to reply to an urgent order
 * @param returnRequestDays working days after dispatch in which a return may be requested
 * @param coUnitDays working days a co-unit has for its part, capped at the lead unit's deadline
 * @param redoDays working days to reply again to an ordinary order sent back for redo
 * @param urgentRedo elapsed time to reply again to an urgent order sent back for redo
 * @param maxExtensionDays working days all extensions of one order may add up to
 * @param atRiskShare the share of an order's working time after which it counts as at risk, above 0 and at most 1
 */
public record DeadlineRules(
        Duration acknowledge,
        Duration urgentAcknowledge,
        int handleDays,
        Duration urgentHandle,
        int returnRequestDays,
        int coUnitDays,
        int redoDays,
        Duration urgentRedo,
        int maxExtensionDays,
        double atRiskShare) {

    public DeadlineRules {
        positive("acknowledge", acknowledge);
        positive("urgentAcknowledge", urgentAcknowledge);
        positive("handleDays", handleDays);
        positive("urgentHandle", urgentHandle);
        positive("returnRequestDays", returnRequestDays);
        positive("coUnitDays", coUnitDays);
        positive("redoDays", redoDays);
        positive("urgentRedo", urgentRedo);
        if (maxExtensionDays < 0) {
            throw new IllegalArgumentException("maxExtensionDays must not be negative: " + maxExtensionDays);
        }
        if (!(atRiskShare > 0 && atRiskShare <= 1)) {
            throw new IllegalArgumentException("atRiskShare must be above 0 and at most 1: " + atRiskShare);
        }
    }

    /** The defaults described above. */
    public static DeadlineRules defaults() {
        return new DeadlineRules(
                Duration.ofHours(2),
                Duration.ofMinutes(30),
                5,
                Duration.ofHours(24),
                2,
                3,
                5,
                Duration.ofHours(24),
                10,
                0.75);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
