package org.hotline.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Patrol coverage is the towns' and street offices' indicator: field reporters belong to territorial units. An
 * industry department is never scored on it, whatever its facts say, and neither is a unit whose group is unknown.
 */
class IndustryDepartmentsAreNotScoredOnPatrolCoverageTest {

    private static final Facts WITH_A_SHORTFALL = Facts.with(Indicator.REPLIED, 4).and(Indicator.RESPONDED, 4)
            .and(Indicator.CALLBACK_RESOLVED, 4).and(Indicator.SATISFIED, 4).and(Indicator.PATROL_DUE, 360)
            .and(Indicator.PATROL_FILED, 0);

    private final CompositeScore score = new CompositeScore(ScoringRules.defaults());

    @Test
    void anIndustryDepartmentLosesNoPointsForPatrolFacts() {
        ScoreCard department = score.of(WITH_A_SHORTFALL, RankingGroup.INDUSTRY);
        ScoreCard town = score.of(WITH_A_SHORTFALL, RankingGroup.TERRITORIAL);

        assertThat(department.patrolShortfallPenalty()).isZero();
        assertThat(department.score()).isEqualTo(100.0);
        assertThat(town.score()).isEqualTo(95.0);
    }

    @Test
    void aUnitOfUnknownGroupIsNotScoredOnPatrolCoverage() {
        assertThat(score.of(WITH_A_SHORTFALL).score()).isEqualTo(100.0);
    }
}
