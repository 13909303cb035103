package org.hotline.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Satisfaction and resolution per period (满意率、解决率走势) from the reached callbacks, for the center as a
 * whole (or the one unit asked for) and per lead unit. A period without callbacks has no rates (null), not 0%.
 */
public record SatisfactionTrend(DateRange range, Period period, String unit, String category, Point total,
        List<Point> overall, List<UnitTrend> units) {

    /** The callbacks of one period (or of the whole range, with {@code period} "合计"). */
    public record Point(String period, LocalDate from, LocalDate to, long rated, long satisfied,
            long basicallySatisfied, long unsatisfied, BigDecimal satisfactionRate, long resolved, long unresolved,
            BigDecimal resolutionRate) {

        public static Point of(String period, DateRange days, CallbackResults r) {
            return new Point(period, days.from(), days.to(), r.rated(), r.satisfied(), r.basicallySatisfied(),
                    r.unsatisfied(), r.satisfactionRate().orElse(null), r.resolved(), r.unresolved(),
                    r.resolutionRate().orElse(null));
        }
    }

    /** One unit's trend and its total over the range. */
    public record UnitTrend(String unit, String unitName, Point total, List<Point> points) {
    }
}
