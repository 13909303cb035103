package org.hotline.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** The quota's arithmetic: shortfalls never below zero, and the month's expectation pro rata to its days. */
class AQuotaIsAMinimumCountedPerDayAndMonthTest {

    private final PatrolQuota quota = new PatrolQuota(12, 360);

    @Test
    void theShortfallIsWhatIsMissingAndNothingOnceReached() {
        assertThat(quota.dailyShortfall(5)).isEqualTo(7);
        assertThat(quota.dailyShortfall(12)).isZero();
        assertThat(quota.dailyShortfall(20)).as("more than the quota is no debt carried over").isZero();
        assertThat(quota.monthlyShortfall(300)).isEqualTo(60);
    }

    @Test
    void theMonthsExpectationGrowsWithItsDaysAndIsWholeOnceItIsOver() {
        YearMonth december = YearMonth.of(2026, 12);
        assertThat(quota.expectedBy(december, LocalDate.of(2026, 11, 30))).isZero();
        assertThat(quota.expectedBy(december, LocalDate.of(2026, 12, 1))).isEqualTo(12); // 360 * 1 / 31, rounded up
        assertThat(quota.expectedBy(december, LocalDate.of(2026, 12, 10))).isEqualTo(117);
        assertThat(quota.expectedBy(december, LocalDate.of(2026, 12, 31))).isEqualTo(360);
        assertThat(quota.expectedBy(december, LocalDate.of(2027, 1, 5))).isEqualTo(360);
    }
}
