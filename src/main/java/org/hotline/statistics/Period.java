package org.hotline.statistics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The length of one step of a trend (统计周期). Weeks are ISO weeks: they start on Monday and belong to the
 * year that holds their Thursday, so 29 December 2025 to 4 January 2026 is week 2026-W01, as the calendars on
 * the center's walls print it.
 */
public enum Period {
    DAY("日"), WEEK("周"), MONTH("月"), YEAR("年");

    private final String label;

    Period(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The first day of the period that holds {@code day}. */
    public LocalDate startOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The last day of the period that holds {@code day}. */
    public LocalDate endOf(LocalDate day) {
        LocalDate start = startOf(day);
        LocalDate next = switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
        return next.minusDays(1);
    }

    /** The name of the period that holds {@code day}: 2026-03-02, 2026-W10, 2026-03, 2026. */
    public String nameOf(LocalDate day) {
        LocalDate start = startOf(day);
        return switch (this) {
            case DAY -> start.toString();
            case WEEK -> "%d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> "%d-%02d".formatted(start.getYear(), start.getMonthValue());
            case YEAR -> Integer.toString(start.getYear());
        };
    }

    /**
     * Every period that overlaps the range, in order, each cut to the days inside the range: a report from
     * Wednesday 4 March has a first week of 4 to 8 March, because its figures cover those days only.
     */
    public List<PeriodBucket> bucketsOf(DateRange range) {
        List<PeriodBucket> buckets = new ArrayList<>();
        LocalDate day = range.from();
        while (!day.isAfter(range.to())) {
            LocalDate end = endOf(day);
            LocalDate last = end.isAfter(range.to()) ? range.to() : end;
            buckets.add(new PeriodBucket(nameOf(day), new DateRange(day, last)));
            day = end.plusDays(1);
        }
        return buckets;
    }
}
