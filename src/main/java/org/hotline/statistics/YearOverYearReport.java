package org.hotline.statistics;

import java.math.BigDecimal;
import java.util.List;

/**
 * Orders registered in a range against the same days last year (同比), in total and, when {@code by} is
 * given, per row of that breakdown (rows of either year).
 */
public record YearOverYearReport(DateRange current, DateRange previous, Dimension by, Integer level, String unit,
        String category, Row total, List<Row> rows) {

    /** One row: this year's and last year's orders, the change and the change in percent (none on a zero base). */
    public record Row(String key, String label, long current, long previous, long change, BigDecimal changePercent,
            boolean zeroBase) {

        public static Row of(String key, String label, YearOverYear y) {
            return new Row(key, label, y.current(), y.previous(), y.change(), y.changePercent(), y.zeroBase());
        }
    }
}
