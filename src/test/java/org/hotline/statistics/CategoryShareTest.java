package org.hotline.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The category-share rule of {@link Breakdown}: count, total and percentage with two decimals, computed
 * exactly and rounded half-up, the counts of one breakdown adding up to its total. The expected figures are
 * worked out by hand (long division) in the comments.
 */
class CategoryShareTest {

    @Nested
    class AsADistrictReportsIt {

        /** 151,404 orders in the year; 城市综合 took 44,352 of them. */
        private final Breakdown year = Breakdown.of(List.of(
                new Count("09", "城市综合", 44_352),
                new Count("02", "劳动和社会保障", 30_281),
                new Count("04", "市场监管", 27_000),
                new Count("12", "其他", 49_771)));

        @Test
        void urbanManagementIsTwentyNinePointTwoNinePercent() {
            // 44,352 × 100 / 151,404 = 29.2938…  → 29.29
            Share urban = row(year, "09");
            assertThat(urban.count()).isEqualTo(44_352);
            assertThat(urban.total()).isEqualTo(151_404);
            assertThat(urban.label()).isEqualTo("城市综合");
            assertThat(urban.percent()).isEqualByComparingTo("29.29").hasScaleOf(2);
        }

        @Test
        void everyRowIsRoundedOnItsOwnToTwoDecimals() {
            // 30,281 × 100 / 151,404 = 20.00013…  → 20.00 (two decimals are printed, not 20.0)
            // 27,000 × 100 / 151,404 = 17.83308…  → 17.83
            // 49,771 × 100 / 151,404 = 32.87297…  → 32.87
            assertThat(row(year, "02").percent()).isEqualTo(new BigDecimal("20.00"));
            assertThat(row(year, "04").percent()).isEqualTo(new BigDecimal("17.83"));
            assertThat(row(year, "12").percent()).isEqualTo(new BigDecimal("32.87"));
        }

        @Test
        void theCountsAddUpToTheTotal() {
            assertThat(year.total()).isEqualTo(151_404);
            assertThat(year.shares().stream().mapToLong(Share::count).sum()).isEqualTo(year.total());
        }

        @Test
        void theLargestRowComesFirst() {
            assertThat(year.shares()).extracting(Share::key).containsExactly("12", "09", "02", "04");
        }
    }

    @Nested
    class ExactHalfUpRounding {

        @Test
        void aTieRoundsUpNotToEven() {
            // 1 × 100 / 32 = 3.125 exactly: half-up gives 3.13 (half-even would give 3.12)
            Breakdown b = Breakdown.of(List.of(new Count("a", "甲", 1), new Count("b", "乙", 31)));
            assertThat(row(b, "a").percent()).isEqualTo(new BigDecimal("3.13"));
            // 31 × 100 / 32 = 96.875 → 96.88
            assertThat(row(b, "b").percent()).isEqualTo(new BigDecimal("96.88"));
        }

        @Test
        void aTieThatBinaryFloatingPointMissesIsStillRoundedUp() {
            // 201 × 100 / 20,000 = 1.005 exactly → 1.01; in double, 201.0 / 20000 * 100 is just below 1.005
            Breakdown b = Breakdown.of(List.of(new Count("a", "甲", 201), new Count("b", "乙", 19_799)));
            assertThat(row(b, "a").percent()).isEqualTo(new BigDecimal("1.01"));
        }

        @Test
        void threeEqualThirdsReadThirtyThreePointThreeThreeEachAndTheirCountsStillMakeTheTotal() {
            // 1 × 100 / 3 = 33.333… → 33.33; printed shares add up to 99.99, the counts to the total of 3
            Breakdown b = Breakdown.of(List.of(new Count("a", "甲", 1), new Count("b", "乙", 1),
                    new Count("c", "丙", 1)));
            assertThat(b.shares()).extracting(Share::percent).containsOnly(new BigDecimal("33.33"));
            assertThat(b.shares().stream().mapToLong(Share::count).sum()).isEqualTo(b.total()).isEqualTo(3);
        }
    }

    @Nested
    class EveryOrderInExactlyOneRow {

        @Test
        void ordersWithoutACategoryHaveARowOfTheirOwn() {
            // 3 of 8 have no category: 3 × 100 / 8 = 37.5 → 37.50
            Breakdown b = Breakdown.of(List.of(new Count("01", "城乡建设", 5),
                    new Count(null, CategoryRollUp.UNCATEGORISED, 3)));
            assertThat(b.total()).isEqualTo(8);
            assertThat(row(b, null).percent()).isEqualTo(new BigDecimal("37.50"));
            assertThat(b.shares()).extracting(Share::key).containsExactly("01", null);
        }

        @Test
        void aKeyCountedTwiceIsABug() {
            assertThatThrownBy(() -> Breakdown.of(List.of(new Count("01", "城乡建设", 5),
                    new Count("01", "城乡建设", 2)))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rowsWithNoOrdersAreLeftOutWithoutChangingTheTotal() {
            Breakdown b = Breakdown.of(List.of(new Count("01", "城乡建设", 4), new Count("02", "劳动和社会保障", 0)));
            assertThat(b.shares()).extracting(Share::key).containsExactly("01");
            assertThat(row(b, "01").percent()).isEqualTo(new BigDecimal("100.00"));
        }

        @Test
        void noOrdersMakeAnEmptyBreakdownNotADivisionByZero() {
            Breakdown b = Breakdown.of(List.of());
            assertThat(b.total()).isZero();
            assertThat(b.shares()).isEmpty();
        }
    }

    private static Share row(Breakdown b, String key) {
        return b.shares().stream().filter(s -> java.util.Objects.equals(s.key(), key)).findFirst().orElseThrow();
    }
}
