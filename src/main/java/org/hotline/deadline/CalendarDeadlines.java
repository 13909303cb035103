package org.hotline.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * {@link Deadlines} on a {@link WorkingCalendar} with a set of {@link DeadlineRules}: ordinary limits in
 * working time, urgent ones in elapsed time (see {@link DeadlineRules} for why). Plain Java, so other
 * modules' unit tests build one with {@link #chinaDefaults(ZoneId)} instead of faking the arithmetic.
 *
 * <p>This class computes moments only. Whether an extension may be granted, whether a return is still
 * allowed, or whether an order is overdue are the work order's decisions, taken with these moments and an
 * injected clock.
 */
public final class CalendarDeadlines implements Deadlines {

    private final WorkingCalendar calendar;
    private final DeadlineRules rules;

    public CalendarDeadlines(WorkingCalendar calendar, DeadlineRules rules) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The shipped official holiday arrangements, government office hours and the default rules. */
    public static CalendarDeadlines chinaDefaults(ZoneId zone) {
        return new CalendarDeadlines(WorkingCalendar.china(zone), DeadlineRules.defaults());
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public DeadlineRules rules() {
        return rules;
    }

    @Override
    public Instant acknowledgeBy(Instant dispatchedAt, boolean urgent) {
        return urgent
                ? dispatchedAt.plus(rules.urgentAcknowledge())
                : calendar.plusWorkingTime(dispatchedAt, rules.acknowledge());
    }

    @Override
    public Instant handleBy(Instant dispatchedAt, boolean urgent) {
        return urgent
                ? dispatchedAt.plus(rules.urgentHandle())
                : calendar.plusWorkingDays(dispatchedAt, rules.handleDays());
    }

    @Override
    public Instant returnRequestBy(Instant dispatchedAt) {
        return calendar.plusWorkingDays(dispatchedAt, rules.returnRequestDays());
    }

    /** The co-unit's part is an input to the lead's reply, so it can never be due after the reply itself. */
    @Override
    public Instant coUnitBy(Instant addedAt, Instant leadDeadline) {
        Objects.requireNonNull(leadDeadline, "leadDeadline");
        Instant own = calendar.plusWorkingDays(addedAt, rules.coUnitDays());
        return own.isAfter(leadDeadline) ? leadDeadline : own;
    }

    @Override
    public Instant redoBy(Instant redoAt, boolean urgent) {
        return urgent
                ? redoAt.plus(rules.urgentRedo())
                : calendar.plusWorkingDays(redoAt, rules.redoDays());
    }

    /**
     * Adds whole working days, so a deadline at Friday 17:30 extended by 2 days is due Tuesday 17:30.
     *
     * @throws IllegalArgumentException for negative days, or more days than all extensions together may add:
     *         the work order checks the running total against {@link #maxExtensionDays()} and rejects the
     *         request with a reason before it gets here, so reaching this is a bug
     */
    @Override
    public Instant extend(Instant deadline, int workingDays) {
        if (workingDays < 0 || workingDays > rules.maxExtensionDays()) {
            throw new IllegalArgumentException("An extension must be 0 to " + rules.maxExtensionDays() + " working days: " + workingDays);
        }
        return calendar.plusWorkingDays(deadline, workingDays);
    }

    /**
     * Gives back the working time the clock stood still (e.g. while a return or an extension was under
     * review, or the unit waited for the citizen). A pause over a weekend costs nothing and gives nothing.
     */
    @Override
    public Instant pause(Instant deadline, Instant pausedFrom, Instant resumedAt) {
        if (resumedAt.isBefore(pausedFrom)) {
            throw new IllegalArgumentException("Resumed (" + resumedAt + ") before paused (" + pausedFrom + ")");
        }
        return calendar.plusWorkingTime(deadline, calendar.workingTimeBetween(pausedFrom, resumedAt));
    }

    @Override
    public int returnRequestDays() {
        return rules.returnRequestDays();
    }

    @Override
    public int maxExtensionDays() {
        return rules.maxExtensionDays();
    }

    /**
     * The moment when {@link DeadlineRules#atRiskShare()} of the working time from start to deadline has
     * passed. A window with no working time in it at all (an urgent order dispatched on a Saturday and due
     * on Sunday) is measured in elapsed time instead, so it is not at risk from the moment it starts.
     */
    @Override
    public Instant atRiskFrom(Instant start, Instant deadline) {
        if (deadline.isBefore(start)) {
            throw new IllegalArgumentException("Deadline (" + deadline + ") before start (" + start + ")");
        }
        Duration working = calendar.workingTimeBetween(start, deadline);
        if (working.isZero()) {
            return start.plus(share(Duration.between(start, deadline)));
        }
        return calendar.plusWorkingTime(start, share(working));
    }

    private Duration share(Duration whole) {
        return Duration.ofMillis(Math.round(whole.toMillis() * rules.atRiskShare()));
    }
}
