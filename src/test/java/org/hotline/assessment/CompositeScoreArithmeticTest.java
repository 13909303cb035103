package org.hotline.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hotline.assessment.Indicator.*;

import org.junit.jupiter.api.Test;

/**
 * The composite score against examples computed by hand. Default rules: response 10%, resolution 50%,
 * satisfaction 40%, 基本满意 = 0.9, minus 1 point per overdue order, 2 per non-cooperation, 1 per missed
 * leader sample.
 */
class CompositeScoreArithmeticTest {

    private static final double EXACT = 1e-9;
    private final CompositeScore defaults = new CompositeScore(ScoringRules.defaults());

    @Test
    void allThreeRatesWeightedTenFiftyFortyMinusEachPenalty() {
        Facts f = Facts.with(REPLIED, 20).and(RESPONDED, 18)
                .and(SATISFIED, 10).and(BASICALLY_SATISFIED, 5).and(UNSATISFIED, 5)
                .and(CALLBACK_RESOLVED, 15).and(CALLBACK_UNRESOLVED, 5)
                .and(OVERDUE, 2).and(NON_COOPERATION, 1).and(SAMPLE_MISSED, 1);

        ScoreCard card = defaults.of(f);

        // response 18/20 = 0.9; resolution 15/20 = 0.75; satisfaction (10 + 0.9 × 5) / 20 = 0.725
        assertThat(card.responseRate()).isCloseTo(0.9, within(EXACT));
        assertThat(card.resolutionRate()).isCloseTo(0.75, within(EXACT));
        assertThat(card.satisfactionRate()).isCloseTo(0.725, within(EXACT));
        // 0.1 × 90 + 0.5 × 75 + 0.4 × 72.5 = 9 + 37.5 + 29 = 75.5
        assertThat(card.ratePoints()).isCloseTo(75.5, within(EXACT));
        // 2 overdue × 1 + 1 non-cooperation × 2 + 1 missed sample × 1 = 5
        assertThat(card.overduePenalty()).isEqualTo(2.0);
        assertThat(card.nonCooperationPenalty()).isEqualTo(2.0);
        assertThat(card.missedSamplePenalty()).isEqualTo(1.0);
        assertThat(card.score()).isCloseTo(70.5, within(EXACT));
        assertThat(card.publishedScore()).hasToString("70.50");
    }

    @Test
    void basicallySatisfiedCountsNineTenthsOfSatisfied() {
        Facts allBasically = Facts.with(BASICALLY_SATISFIED, 4).and(CALLBACK_RESOLVED, 4);
        Facts allSatisfied = Facts.with(SATISFIED, 4).and(CALLBACK_RESOLVED, 4);

        assertThat(defaults.of(allBasically).satisfactionRate()).isCloseTo(0.9, within(EXACT));
        assertThat(defaults.of(allSatisfied).satisfactionRate()).isCloseTo(1.0, within(EXACT));
        // resolution 1.0 × 50 + satisfaction 0.9 × 40 = 86, out of the 90 points measurable → 95.555…
        assertThat(defaults.of(allBasically).score()).isCloseTo(100 * (50 + 36) / 90.0, within(EXACT));
    }

    @Test
    void aRateWithNothingToMeasureIsLeftOutAndTheOtherWeightsScaleUp() {
        // no callback reached: only the response rate, 7 of 10 replies due (8 given + 2 unanswered past deadline)
        Facts f = Facts.with(REPLIED, 8).and(OVERDUE_UNANSWERED, 2).and(OVERDUE, 2).and(RESPONDED, 7);

        ScoreCard card = defaults.of(f);

        assertThat(card.resolutionRate()).isNull();
        assertThat(card.satisfactionRate()).isNull();
        assertThat(card.responseRate()).isCloseTo(0.7, within(EXACT));
        assertThat(card.ratePoints()).isCloseTo(70, within(EXACT));
        assertThat(card.score()).isCloseTo(68, within(EXACT));
    }

    @Test
    void anOrderLeftUnansweredPastItsDeadlineLowersTheResponseRate() {
        Facts answered = Facts.with(REPLIED, 4).and(RESPONDED, 4);
        Facts oneUnanswered = answered.and(OVERDUE_UNANSWERED, 1).and(OVERDUE, 1);

        assertThat(defaults.of(answered).responseRate()).isCloseTo(1.0, within(EXACT));
        assertThat(defaults.of(oneUnanswered).responseRate()).isCloseTo(0.8, within(EXACT));
    }

    @Test
    void withNothingMeasurableThereIsNoScoreEvenWithPenalties() {
        ScoreCard card = defaults.of(Facts.with(NON_COOPERATION, 3).and(RECEIVED, 2));

        assertThat(card.ratePoints()).isNull();
        assertThat(card.score()).isNull();
        assertThat(card.isScored()).isFalse();
        assertThat(card.nonCooperationPenalty()).isEqualTo(6.0);
    }

    @Test
    void theScoreStaysWithinZeroAndAHundred() {
        Facts nothingAnswered = Facts.with(OVERDUE_UNANSWERED, 5).and(OVERDUE, 5);

        ScoreCard card = defaults.of(nothingAnswered);

        assertThat(card.ratePoints()).isCloseTo(0, within(EXACT));
        assertThat(card.penalties()).isEqualTo(5.0);
        assertThat(card.score()).isEqualTo(0.0);
    }

    @Test
    void otherWeightsCreditAndPenaltiesFromConfiguration() {
        CompositeScore custom = new CompositeScore(new ScoringRules(30, 35, 35, 0.8, 0.5, 3, 2));
        Facts f = Facts.with(REPLIED, 10).and(RESPONDED, 10)
                .and(SATISFIED, 2).and(BASICALLY_SATISFIED, 2).and(CALLBACK_RESOLVED, 3).and(CALLBACK_UNRESOLVED, 1)
                .and(OVERDUE, 1).and(NON_COOPERATION, 1).and(SAMPLE_MISSED, 1);

        ScoreCard card = custom.of(f);

        // satisfaction (2 + 0.8 × 2) / 4 = 0.9; 30 × 1 + 35 × 0.75 + 35 × 0.9 = 30 + 26.25 + 31.5 = 87.75
        assertThat(card.ratePoints()).isCloseTo(87.75, within(EXACT));
        // 87.75 − 0.5 − 3 − 2 = 82.25
        assertThat(card.score()).isCloseTo(82.25, within(EXACT));
    }

    @Test
    void eachLowQualityReplyCostsItsUnitTheLowQualityPenalty() {
        Facts f = Facts.with(REPLIED, 10).and(RESPONDED, 10);
        CompositeScore defaults = new CompositeScore(ScoringRules.defaults());

        ScoreCard clean = defaults.of(f);
        ScoreCard poor = defaults.of(f.and(REPLY_LOW_QUALITY, 3));

        // 100 points from the response rate alone; 3 low-quality replies × 0.5 = 1.5 deducted
        assertThat(clean.score()).isCloseTo(100.0, within(EXACT));
        assertThat(poor.lowQualityReplyPenalty()).isCloseTo(1.5, within(EXACT));
        assertThat(poor.penalties()).isCloseTo(1.5, within(EXACT));
        assertThat(poor.score()).isCloseTo(98.5, within(EXACT));
        // configured: 2 points each
        assertThat(new CompositeScore(new ScoringRules(10, 50, 40, 0.9, 1, 2, 1, 2)).of(f.and(REPLY_LOW_QUALITY, 3))
                .score()).isCloseTo(94.0, within(EXACT));
        assertThatThrownBy(() -> new ScoringRules(10, 50, 40, 0.9, 1, 2, 1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low-quality reply penalty");
    }

    @Test
    void weightsThatDoNotAddUpToAHundredAreRefused() {
        assertThatThrownBy(() -> new ScoringRules(10, 50, 30, 0.9, 1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add up to 100");
        assertThatThrownBy(() -> new ScoringRules(10, 50, 40, 1.2, 1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new ScoringRules(10, 50, 40, 0.9, -1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overdue penalty");
    }

    @Test
    void aMonthIsTheSumOfItsDaysNotTheAverageOfTheirScores() {
        // a quiet day (1 reply, not responded) and a busy day (99 replies, all responded)
        Facts quiet = Facts.with(REPLIED, 1);
        Facts busy = Facts.with(REPLIED, 99).and(RESPONDED, 99);

        ScoreCard month = defaults.of(quiet.plus(busy));

        // 99 of 100 replies responded: 99 points, where averaging the two days' scores would give 50
        assertThat(month.score()).isCloseTo(99, within(EXACT));
        assertThat((defaults.of(quiet).score() + defaults.of(busy).score()) / 2).isCloseTo(50, within(EXACT));
    }
}
