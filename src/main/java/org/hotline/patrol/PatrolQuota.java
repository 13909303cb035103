package org.hotline.patrol;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * 巡查任务量: how many reports each field reporter is expected to file a day and a month (12 and 360 by default,
 * {@code hotline.patrol.daily-quota}, {@code monthly-quota}). A quota is a minimum to reach, not a limit: a
 * reporter who finds more reports more. Every report counts, information only or needing action.
 */
public record PatrolQuota(int daily, int monthly) {

    public PatrolQuota {
        if (daily < 1 || monthly < 1) {
            throw new IllegalArgumentException("a quota is at least one report");
        }
    }

    /** How many reports short of the daily quota {@code count} is (0 when reached). */
    public int dailyShortfall(int count) {
        return Math.max(0, daily - count);
    }

    /** How many reports short of the monthly quota {@code count} is (0 when reached). */
    public int monthlyShortfall(int count) {
        return Math.max(0, monthly - count);
    }

    /**
     * The reports a reporter is expected to have made in {@code month} up to and including {@code asOf}: the monthly
     * quota pro rata to the days passed (all of it once the month is over), rounded up.
     */
    public int expectedBy(YearMonth month, LocalDate asOf) {
        if (asOf.isBefore(month.atDay(1))) {
            return 0;
        }
        int days = asOf.isAfter(month.atEndOfMonth()) ? month.lengthOfMonth() : asOf.getDayOfMonth();
        return (int) Math.ceil((double) monthly * days / month.lengthOfMonth());
    }
}
