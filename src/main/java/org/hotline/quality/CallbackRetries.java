package org.hotline.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.hotline.deadline.WorkingCalendar;

/**
 * A citizen not reached is called again on a later working day: at the start of office hours of the working day
 * {@code daysApart} working days after the failed attempt's day (a Friday's failed call is retried on Monday, or
 * after the holiday). After {@code maxAttempts} attempts that all failed, the center gives up and the order closes
 * as unreachable (回访未接通).
 */
public final class CallbackRetries {

    private final int maxAttempts;
    private final int daysApart;
    private final WorkingCalendar calendar;

    public CallbackRetries(int maxAttempts, int daysApart, WorkingCalendar calendar) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one callback attempt: " + maxAttempts);
        }
        if (daysApart < 1) {
            throw new IllegalArgumentException("Retries are at least one working day apart: " + daysApart);
        }
        this.maxAttempts = maxAttempts;
        this.daysApart = daysApart;
        this.calendar = calendar;
    }

    /** The hotline's zone, in which "a later working day" is counted. */
    public ZoneId zone() {
        return calendar.zone();
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether the center gives up after this many failed attempts. */
    public boolean givesUpAfter(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }

    /** When the next attempt is due after one that failed at {@code failedAt}. */
    public Instant nextAttemptDue(Instant failedAt) {
        ZoneId zone = calendar.zone();
        LocalDate day = failedAt.atZone(zone).toLocalDate();
        for (int found = 0; found < daysApart;) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                found++;
            }
        }
        return day.atTime(calendar.workingHours().periods().get(0).start()).atZone(zone).toInstant();
    }
}
