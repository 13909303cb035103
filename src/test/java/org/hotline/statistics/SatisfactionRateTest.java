package org.hotline.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/**
 * The satisfaction and resolution rates of {@link CallbackResults}: 满意 1, 基本满意 0.9, 不满意 0, over the
 * reached callbacks, two decimals half-up. Figures worked out by hand in the comments.
 */
class SatisfactionRateTest {

    @Test
    void basicallySatisfiedCountsNineTenths() {
        // (3 × 1 + 1 × 0.9 + 1 × 0) / 5 = 3.9 / 5 = 78.00%
        CallbackResults r = new CallbackResults(3, 1, 1, 0, 0);
        assertThat(r.satisfactionRate()).contains(new BigDecimal("78.00"));
    }

    @Test
    void aRepeatingDecimalIsRoundedHalfUp() {
        // (2 + 0.9) / 3 = 0.96666… → 96.67%
        assertThat(new CallbackResults(2, 1, 0, 0, 0).satisfactionRate()).contains(new BigDecimal("96.67"));
        // (17 + 5 × 0.9) / 23 = 21.5 / 23 = 0.934782… → 93.48%
        assertThat(new CallbackResults(17, 5, 1, 0, 0).satisfactionRate()).contains(new BigDecimal("93.48"));
    }

    @Test
    void onlyBasicallySatisfiedCitizensMakeNinetyPercent() {
        assertThat(new CallbackResults(0, 4, 0, 0, 0).satisfactionRate()).contains(new BigDecimal("90.00"));
    }

    @Test
    void unsatisfiedCitizensCountZeroButStillCount() {
        // (1 + 0) / 4 = 25.00%
        assertThat(new CallbackResults(1, 0, 3, 0, 0).satisfactionRate()).contains(new BigDecimal("25.00"));
    }

    @Test
    void noRatingsMeanNoRateRatherThanZero() {
        assertThat(CallbackResults.NONE.satisfactionRate()).isEmpty();
        assertThat(CallbackResults.NONE.resolutionRate()).isEmpty();
    }

    @Test
    void theResolutionRateIsResolvedOverThoseWhoSaidEitherWay() {
        // 7 resolved, 2 unresolved: 7 / 9 = 0.7777… → 77.78%
        assertThat(new CallbackResults(5, 2, 2, 7, 2).resolutionRate()).contains(new BigDecimal("77.78"));
    }

    @Test
    void resultsOfTwoDaysAddUpBeforeTheRateIsTaken() {
        // day 1: 1 satisfied (100%); day 2: 1 unsatisfied, 1 basically (45%); the month is (1 + 0.9) / 3,
        // 63.33%, not the mean of the daily rates (72.50%)
        CallbackResults month = new CallbackResults(1, 0, 0, 1, 0).plus(new CallbackResults(0, 1, 1, 1, 1));
        assertThat(month).isEqualTo(new CallbackResults(1, 1, 1, 2, 1));
        assertThat(month.satisfactionRate()).contains(new BigDecimal("63.33"));
        assertThat(month.resolutionRate()).contains(new BigDecimal("66.67"));
    }
}
