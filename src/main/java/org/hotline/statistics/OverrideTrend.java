package org.hotline.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * Overrides per period (主任决定办结): replied orders the center's director closed outside the quality loop, with a
 * reason, counted by the day of the override, for the center as a whole (or the one unit asked for) and per lead
 * unit. Read from the orders' histories, where each override is a stored action of its own ({@code
 * OVERRIDE_CLOSE}), never from the wording of a line: an override is meant to stay the exception, and this is
 * how the center sees whether it does.
 */
public record OverrideTrend(DateRange range, Period period, String unit, String category, long total,
        List<Point> overall, List<UnitTrend> units) {

    /** One period: its name, the days of the range it covers, its overrides. */
    public record Point(String period, LocalDate from, LocalDate to, long count) {
    }

    /** One lead unit's overrides per period and over the range. */
    public record UnitTrend(String unit, String unitName, long total, List<Point> points) {
    }
}
