package org.hotline.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A trend lists every period of the report, in order, each cut to the report's days, so that the periods
 * cover the range without gap or overlap and the trend adds up to the report's total.
 */
class PeriodsCoverTheReportDaysTest {

    private final DateRange winter = new DateRange(LocalDate.of(2025, 12, 15), LocalDate.of(2026, 2, 10));

    @Test
    void monthsAreCalendarMonthsCutToTheRange() {
        List<PeriodBucket> months = Period.MONTH.bucketsOf(winter);
        assertThat(months).extracting(PeriodBucket::name).containsExactly("2025-12", "2026-01", "2026-02");
        assertThat(months).extracting(PeriodBucket::days).containsExactly(
                new DateRange(LocalDate.of(2025, 12, 15), LocalDate.of(2025, 12, 31)),
                new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)),
                new DateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 10)));
    }

    @Test
    void yearsAndDaysToo() {
        assertThat(Period.YEAR.bucketsOf(winter)).extracting(PeriodBucket::name).containsExactly("2025", "2026");
        assertThat(Period.DAY.bucketsOf(winter)).hasSize(58).first()
                .isEqualTo(new PeriodBucket("2025-12-15", new DateRange(winter.from(), winter.from())));
    }

    @Test
    void everyPeriodTogetherCoversEachDayOfTheRangeOnce() {
        for (Period period : Period.values()) {
            List<PeriodBucket> buckets = period.bucketsOf(winter);
            assertThat(buckets.stream().mapToLong(b -> b.days().days()).sum()).as(period.name())
                    .isEqualTo(winter.days());
            for (int i = 1; i < buckets.size(); i++) {
                assertThat(buckets.get(i).days().from()).isEqualTo(buckets.get(i - 1).days().to().plusDays(1));
            }
        }
    }

    @Test
    void aLeapFebruaryHasTwentyNineDays() {
        assertThat(Period.MONTH.endOf(LocalDate.of(2028, 2, 3))).isEqualTo(LocalDate.of(2028, 2, 29));
    }
}
