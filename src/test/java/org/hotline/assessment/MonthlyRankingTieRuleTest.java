package org.hotline.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.assessment.RankingGroup.INDUSTRY;
import static org.hotline.assessment.RankingGroup.TERRITORIAL;

import java.time.YearMonth;
import java.util.List;

import org.hotline.organization.UnitId;
import org.junit.jupiter.api.Test;

/**
 * The ranking's tie rule ({@link TieRule}): score, then satisfaction rate, then resolution rate, then more
 * orders replied; units equal on all four share a rank and the next rank is skipped.
 */
class MonthlyRankingTieRuleTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Test
    void theHigherScoreRanksFirst() {
        Ranking r = Ranking.of(MARCH, List.of(unit("a", 80, 0.9, 0.9, 10), unit("b", 85, 0.5, 0.5, 1)));

        assertThat(ranks(r, TERRITORIAL)).containsExactly("b:1", "a:2");
    }

    @Test
    void onEqualScoresTheHigherSatisfactionRateRanksFirst() {
        Ranking r = Ranking.of(MARCH, List.of(unit("a", 80, 0.80, 0.99, 50), unit("b", 80, 0.85, 0.50, 5)));

        assertThat(ranks(r, TERRITORIAL)).containsExactly("b:1", "a:2");
    }

    @Test
    void thenTheHigherResolutionRate() {
        Ranking r = Ranking.of(MARCH, List.of(unit("a", 80, 0.85, 0.70, 50), unit("b", 80, 0.85, 0.75, 5)));

        assertThat(ranks(r, TERRITORIAL)).containsExactly("b:1", "a:2");
    }

    @Test
    void thenTheUnitThatRepliedToMoreOrders() {
        Ranking r = Ranking.of(MARCH, List.of(unit("a", 80, 0.85, 0.75, 40), unit("b", 80, 0.85, 0.75, 41)));

        assertThat(ranks(r, TERRITORIAL)).containsExactly("b:1", "a:2");
    }

    @Test
    void unitsEqualOnAllFourShareARankAndTheNextRankIsSkipped() {
        Ranking r = Ranking.of(MARCH, List.of(unit("a", 90, 0.9, 0.9, 10), unit("b", 80, 0.85, 0.75, 40),
                unit("c", 80, 0.85, 0.75, 40), unit("d", 70, 0.9, 0.9, 10)));

        assertThat(ranks(r, TERRITORIAL)).containsExactly("a:1", "b:2", "c:2", "d:4");
        assertThat(r.find(new UnitId("b")).orElseThrow().fromBottom()).isEqualTo(2);
        assertThat(r.find(new UnitId("d")).orElseThrow().fromBottom()).isEqualTo(1);
    }

    @Test
    void figuresEqualAsPublishedAreEqualInTheRanking() {
        // 80.001 and 80.004 both publish as 80.00; 0.85001 and 0.84999 both as 85.00%: decided by resolution
        Ranking r = Ranking.of(MARCH, List.of(unit("a", 80.004, 0.85001, 0.70, 10),
                unit("b", 80.001, 0.84999, 0.75, 10)));

        assertThat(ranks(r, TERRITORIAL)).containsExactly("b:1", "a:2");
    }

    @Test
    void aMeasuredRateBeatsOneThatCouldNotBeMeasured() {
        Ranking r = Ranking.of(MARCH, List.of(unit("a", 80, null, null, 10), unit("b", 80, 0.1, 0.1, 10)));

        assertThat(ranks(r, TERRITORIAL)).containsExactly("b:1", "a:2");
    }

    @Test
    void unitsWithoutAScoreAreListedButNotRanked() {
        UnitPeriod idle = new UnitPeriod(new UnitId("idle"), "idle", TERRITORIAL,
                new ScoreCard(Facts.none(), null, null, null, null, 0, 0, 0, null));
        Ranking r = Ranking.of(MARCH, List.of(unit("a", 80, 0.9, 0.9, 10), idle));

        assertThat(ranks(r, TERRITORIAL)).containsExactly("a:1");
        assertThat(r.unscored()).containsExactly(idle);
        assertThat(r.group(TERRITORIAL).get(0).groupSize()).isEqualTo(1);
    }

    @Test
    void eachGroupIsRankedOnItsOwn() {
        Ranking r = Ranking.of(MARCH, List.of(unit("t1", 60, 0.9, 0.9, 10), unit("t2", 50, 0.9, 0.9, 10),
                new UnitPeriod(new UnitId("i1"), "i1", INDUSTRY, card(95, 0.9, 0.9, 10)),
                new UnitPeriod(new UnitId("i2"), "i2", INDUSTRY, card(90, 0.9, 0.9, 10))));

        assertThat(ranks(r, TERRITORIAL)).containsExactly("t1:1", "t2:2");
        assertThat(ranks(r, INDUSTRY)).containsExactly("i1:1", "i2:2");
    }

    static UnitPeriod unit(String id, double score, Double satisfaction, Double resolution, int replied) {
        return new UnitPeriod(new UnitId(id), id, TERRITORIAL, card(score, satisfaction, resolution, replied));
    }

    static ScoreCard card(double score, Double satisfaction, Double resolution, int replied) {
        return new ScoreCard(Facts.with(Indicator.REPLIED, replied), 1.0, resolution, satisfaction, score, 0, 0, 0,
                score);
    }

    static List<String> ranks(Ranking r, RankingGroup group) {
        return r.group(group).stream().map(u -> u.unit().unit().value() + ":" + u.rank()).toList();
    }
}
