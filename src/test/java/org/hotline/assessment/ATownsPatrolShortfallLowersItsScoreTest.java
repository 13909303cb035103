package org.hotline.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * 巡查覆盖 in the composite score of a territorial unit: the patrol reports its field reporters filed (each up to
 * their quota) of those due. A shortfall costs the configured points pro rata (all at no coverage, none at full);
 * a town without field reporters (nothing due) is neither rewarded nor punished; the weight is the operator's
 * setting, and 0 switches the indicator off.
 */
class ATownsPatrolShortfallLowersItsScoreTest {

    /** A month in which every rate is 100%: 100 rate points before deductions. */
    private static final Facts PERFECT = Facts.with(Indicator.REPLIED, 10).and(Indicator.REPLIED_ON_TIME, 10)
            .and(Indicator.RESPONDED, 10).and(Indicator.CALLBACK_RESOLVED, 10).and(Indicator.SATISFIED, 10);

    private final CompositeScore defaults = new CompositeScore(ScoringRules.defaults());

    @Test
    void aTownThatFiledHalfTheReportsDueLosesHalfThePatrolPoints() {
        ScoreCard card = defaults.of(PERFECT.and(Indicator.PATROL_DUE, 720).and(Indicator.PATROL_FILED, 360),
                RankingGroup.TERRITORIAL);

        assertThat(card.patrolCoverageRate()).isEqualTo(0.5);
        assertThat(card.patrolShortfall()).isEqualTo(360);
        assertThat(card.patrolShortfallPenalty()).isEqualTo(2.5);
        assertThat(card.score()).isEqualTo(97.5);
        assertThat(card.penalties()).isEqualTo(2.5);
    }

    @Test
    void aTownWhoseReportersFiledNothingLosesAllThePatrolPoints() {
        ScoreCard card = defaults.of(PERFECT.and(Indicator.PATROL_DUE, 360), RankingGroup.TERRITORIAL);

        assertThat(card.patrolCoverageRate()).isZero();
        assertThat(card.score()).isEqualTo(95.0);
    }

    @Test
    void aTownWithFullCoverageLosesNothing() {
        ScoreCard card = defaults.of(PERFECT.and(Indicator.PATROL_DUE, 360).and(Indicator.PATROL_FILED, 360),
                RankingGroup.TERRITORIAL);

        assertThat(card.patrolShortfallPenalty()).isZero();
        assertThat(card.score()).isEqualTo(100.0);
    }

    @Test
    void aTownWithoutFieldReportersIsNeitherRewardedNorPunished() {
        ScoreCard card = defaults.of(PERFECT, RankingGroup.TERRITORIAL);

        assertThat(card.patrolCoverageRate()).isNull();
        assertThat(card.patrolShortfallPenalty()).isZero();
        assertThat(card.score()).isEqualTo(100.0);
    }

    @Test
    void theShortfallsWeightIsTheOperatorsSettingAndZeroSwitchesItOff() {
        Facts twoThirds = PERFECT.and(Indicator.PATROL_DUE, 300).and(Indicator.PATROL_FILED, 200);

        ScoreCard heavier = new CompositeScore(new ScoringRules(10, 50, 40, 0.9, 1, 2, 1, 0.5, 12))
                .of(twoThirds, RankingGroup.TERRITORIAL);
        ScoreCard off = new CompositeScore(new ScoringRules(10, 50, 40, 0.9, 1, 2, 1, 0.5, 0))
                .of(twoThirds, RankingGroup.TERRITORIAL);

        assertThat(heavier.patrolShortfallPenalty()).isCloseTo(4.0, within(1e-9));
        assertThat(heavier.score()).isCloseTo(96.0, within(1e-9));
        assertThat(off.score()).isEqualTo(100.0);
    }

    @Test
    void aTownWithoutScoredRatesHasItsPatrolFactsButNoScore() {
        ScoreCard card = defaults.of(Facts.with(Indicator.PATROL_DUE, 360).and(Indicator.PATROL_FILED, 90),
                RankingGroup.TERRITORIAL);

        assertThat(card.isScored()).isFalse();
        assertThat(card.patrolCoverageRate()).isEqualTo(0.25);
        assertThat(card.patrolShortfallPenalty()).isEqualTo(3.75);
    }
}
