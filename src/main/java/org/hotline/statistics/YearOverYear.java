package org.hotline.statistics;

import java.math.BigDecimal;

/**
 * This period against the same period last year (同比): the change in orders and the change as a percentage
 * of last year's figure, two decimals, half-up (away from zero for a fall: -66.666…% reads -66.67%).
 *
 * <p>A zero base has no percentage: from 0 to 5 orders is not "+∞%" and not "+100%", it is reported as
 * {@code zeroBase} with the absolute change alone, and the report says "上年同期为零".
 */
public record YearOverYear(long current, long previous, long change, BigDecimal changePercent, boolean zeroBase) {

    public static YearOverYear of(long current, long previous) {
        if (current < 0 || previous < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
        long change = Math.subtractExact(current, previous);
        if (previous == 0) {
            return new YearOverYear(current, previous, change, null, true);
        }
        return new YearOverYear(current, previous, change, Percent.of(change, previous), false);
    }
}
