package org.hotline.statistics;

import java.time.LocalDate;
import java.util.List;

/** Orders registered per period (工单量走势), every period of the range listed, empty ones with 0. */
public record VolumeTrend(DateRange range, Period period, String unit, String category, long total,
        List<Point> points) {

    /** One period: its name, the days of the range it covers, its orders. */
    public record Point(String period, LocalDate from, LocalDate to, long count) {
    }
}
