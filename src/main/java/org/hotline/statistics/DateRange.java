package org.hotline.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The calendar days a report covers, both ends included, as the hotline's users name them ("1 March to 31
 * March"). The days are days in the hotline's zone: an order registered at 23:30 on 31 March Beijing time
 * (15:30 UTC) belongs to March, so the moments a query compares with are the zone's midnights, never UTC's.
 */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /** The first moment of {@code from} in the zone. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first moment after {@code to} in the zone: the range is [start, end). */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * The same days one year earlier, for a year-over-year comparison. A range that ends on the last day of
     * its month ends on the last day of that month last year, so that February 2025 compares with the whole of
     * February 2024 (29 days) and February 2024 with the whole of February 2023; otherwise each end moves back
     * one year, 29 February becoming 28 February.
     */
    public DateRange samePeriodLastYear() {
        LocalDate lastTo = to.minusYears(1);
        if (to.equals(to.with(TemporalAdjusters.lastDayOfMonth()))) {
            lastTo = lastTo.with(TemporalAdjusters.lastDayOfMonth());
        }
        return new DateRange(from.minusYears(1), lastTo);
    }

    @Override
    public String toString() {
        return from + " 至 " + to;
    }
}
