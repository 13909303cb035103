package org.hotline.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.hotline.organization.UnitId;
import org.junit.jupiter.api.Test;

/** A unit is reported for non-cooperation when its monthly count is over the threshold, not at it. */
class NonCooperationThresholdTest {

    @Test
    void overTheThresholdIsReportedAtTheThresholdIsNot() {
        UnitPeriod three = unit("three", 3);
        UnitPeriod four = unit("four", 4);

        assertThat(new NonCooperationThreshold(3).exceededBy(List.of(three, four))).containsExactly(four);
    }

    @Test
    void aUnitWithoutAScoreOfItsOwnIsReportedToo() {
        UnitPeriod coUnitOnly = new UnitPeriod(new UnitId("co"), "co", RankingGroup.INDUSTRY, new CompositeScore(
                ScoringRules.defaults()).of(Facts.with(Indicator.NON_COOPERATION, 5)));

        assertThat(coUnitOnly.card().isScored()).isFalse();
        assertThat(new NonCooperationThreshold(3).exceededBy(List.of(coUnitOnly))).containsExactly(coUnitOnly);
    }

    @Test
    void aNegativeThresholdIsRefused() {
        assertThatThrownBy(() -> new NonCooperationThreshold(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    static UnitPeriod unit(String id, int nonCooperation) {
        return new UnitPeriod(new UnitId(id), id, RankingGroup.TERRITORIAL, new CompositeScore(
                ScoringRules.defaults()).of(Facts.with(Indicator.NON_COOPERATION, nonCooperation)
                        .and(Indicator.REPLIED, 5).and(Indicator.RESPONDED, 5)));
    }
}
