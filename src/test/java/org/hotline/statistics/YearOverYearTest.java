package org.hotline.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The year-over-year rule ({@link YearOverYear}) and the same period last year ({@link DateRange}). */
class YearOverYearTest {

    @Nested
    class TheChange {

        @Test
        void aRiseIsTheDifferenceOverLastYear() {
            // 44,352 − 41,000 = 3,352; 3,352 × 100 / 41,000 = 8.1756… → 8.18
            YearOverYear y = YearOverYear.of(44_352, 41_000);
            assertThat(y.change()).isEqualTo(3_352);
            assertThat(y.changePercent()).isEqualTo(new BigDecimal("8.18"));
            assertThat(y.zeroBase()).isFalse();
        }

        @Test
        void aFallIsNegativeAndRoundedAwayFromZeroOnATie() {
            // 1 against 3: −2 × 100 / 3 = −66.666… → −66.67
            assertThat(YearOverYear.of(1, 3).changePercent()).isEqualTo(new BigDecimal("-66.67"));
            // 151,404 against 160,233: −8,829 × 100 / 160,233 = −5.5101… → −5.51
            assertThat(YearOverYear.of(151_404, 160_233).changePercent()).isEqualTo(new BigDecimal("-5.51"));
            // 7 against 8: −1 × 100 / 8 = −12.5 → −12.50
            assertThat(YearOverYear.of(7, 8).changePercent()).isEqualTo(new BigDecimal("-12.50"));
        }

        @Test
        void noChangeIsZeroPercent() {
            assertThat(YearOverYear.of(12, 12).changePercent()).isEqualByComparingTo("0");
        }

        @Test
        void aZeroBaseIsReportedAsSuchNotAsInfinity() {
            YearOverYear y = YearOverYear.of(5, 0);
            assertThat(y.zeroBase()).isTrue();
            assertThat(y.changePercent()).isNull();
            assertThat(y.change()).isEqualTo(5);
        }

        @Test
        void nothingThisYearAgainstSomethingIsMinusOneHundredPercent() {
            assertThat(YearOverYear.of(0, 9).changePercent()).isEqualTo(new BigDecimal("-100.00"));
        }
    }

    @Nested
    class TheSamePeriodLastYear {

        @Test
        void aMonthComparesWithTheSameMonth() {
            assertThat(range("2026-03-01", "2026-03-31").samePeriodLastYear())
                    .isEqualTo(range("2025-03-01", "2025-03-31"));
        }

        @Test
        void februaryComparesWithTheWholeOfLeapFebruary() {
            assertThat(range("2025-02-01", "2025-02-28").samePeriodLastYear())
                    .isEqualTo(range("2024-02-01", "2024-02-29"));
        }

        @Test
        void leapFebruaryComparesWithTheWholeOfFebruary() {
            assertThat(range("2024-02-01", "2024-02-29").samePeriodLastYear())
                    .isEqualTo(range("2023-02-01", "2023-02-28"));
        }

        @Test
        void aRangeEndingMidMonthMovesBackOneYearDayForDay() {
            assertThat(range("2026-01-01", "2026-11-29").samePeriodLastYear())
                    .isEqualTo(range("2025-01-01", "2025-11-29"));
        }
    }

    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }
}
