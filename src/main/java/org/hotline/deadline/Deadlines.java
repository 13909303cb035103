package org.hotline.deadline;

import java.time.Instant;

/**
 * The hotline's time limits, computed on the working-day calendar. Every method is a pure function of its
 * arguments and the configured rules, so the work order can call it without knowing the calendar.
 */
public interface Deadlines {

    /** When a dispatched order must be acknowledged (签收): 2 working hours, urgent 30 minutes by default. */
    Instant acknowledgeBy(Instant dispatchedAt, boolean urgent);

    /** When the reply is due: 5 working days, urgent 24 hours by default. */
    Instant handleBy(Instant dispatchedAt, boolean urgent);

    /** The last moment a return (退回) may be requested: 2 working days after dispatch by default. */
    Instant returnRequestBy(Instant dispatchedAt);

    /** A co-unit's own deadline for its part: 3 working days after it was added, never after the lead's. */
    Instant coUnitBy(Instant addedAt, Instant leadDeadline);

    /** The new deadline of an order sent back for redo (重办). */
    Instant redoBy(Instant redoAt, boolean urgent);

    /** A deadline moved later by a number of working days (an approved extension). */
    Instant extend(Instant deadline, int workingDays);

    /** A deadline moved later by the working time that passed between two moments (a paused clock). */
    Instant pause(Instant deadline, Instant pausedFrom, Instant resumedAt);

    /** The working days after dispatch in which a return may be requested (2 by default). */
    int returnRequestDays();

    /** The most extra working days all extensions of one order may add up to (10 by default). */
    int maxExtensionDays();

    /** From when an order counts as at risk (临期): by default when 75% of its working time has passed. */
    Instant atRiskFrom(Instant start, Instant deadline);
}
