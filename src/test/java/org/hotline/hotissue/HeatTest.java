package org.hotline.hotissue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The heat formula, part by part (README "Hot issues"). */
class HeatTest {

    private static final Instant FIRST = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void eachDistinctCitizenCountsOneAndARepeatAppealAQuarter() {
        Heat heat = Heat.of(10, 6, 0, 0, 0, FIRST, FIRST);

        assertThat(heat.volume()).isEqualTo(6 + 0.25 * 4);
    }

    @Test
    void appealsOfTheLastSevenDaysCountAgainAsGrowth() {
        assertThat(Heat.of(10, 10, 3, 0, 0, FIRST, FIRST).growth()).isEqualTo(3.0);
        assertThat(Heat.RECENT).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void publicSupportCountsLogarithmicallyAndNeverMoreThanTheVolume() {
        assertThat(Heat.of(4, 4, 0, 7, 0, FIRST, FIRST).support()).isEqualTo(3.0);
        assertThat(Heat.of(4, 4, 0, 10, 3, FIRST, FIRST).support()).isEqualTo(3.0);
        assertThat(Heat.of(2, 2, 0, 5000, 0, FIRST, FIRST).support()).isEqualTo(2.0);
        assertThat(Heat.of(4, 4, 0, 0, 9, FIRST, FIRST).support()).isZero();
    }

    @Test
    void aProblemRaisedForWeeksGainsPersistence() {
        assertThat(Heat.of(4, 4, 0, 0, 0, FIRST, FIRST.plus(Duration.ofDays(21))).persistence()).isEqualTo(2.0);
        assertThat(Heat.of(4, 4, 0, 0, 0, FIRST, FIRST).persistence()).isZero();
    }

    @Test
    void theScoreIsTheSumOfItsParts() {
        Heat heat = Heat.of(10, 6, 3, 7, 0, FIRST, FIRST.plus(Duration.ofDays(21)));

        assertThat(heat.score()).isEqualTo(heat.volume() + heat.growth() + heat.support() + heat.persistence());
        assertThat(heat.spanDays()).isEqualTo(21);
    }
}
