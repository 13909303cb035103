package org.hotline.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.assessment.RankingGroup.INDUSTRY;
import static org.hotline.assessment.RankingGroup.TERRITORIAL;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.hotline.organization.UnitId;
import org.junit.jupiter.api.Test;

/**
 * 连续两月末位问责: a case opens for a unit in the bottom three of its group in two consecutive months, and only
 * then. Groups of six units each; scores given per unit a..f (territorial) or p..u (industry).
 */
class BottomThreeTwoMonthsTest {

    static final YearMonth JAN = YearMonth.of(2026, 1);
    static final YearMonth FEB = YearMonth.of(2026, 2);
    static final YearMonth MAR = YearMonth.of(2026, 3);

    private final BottomThreeTwoMonths rule = new BottomThreeTwoMonths(3);

    @Test
    void opensForTheUnitsInTheBottomThreeInBothMonths() {
        Ranking jan = territorial(JAN, 95, 90, 85, 70, 60, 50); // bottom three: d, e, f
        Ranking feb = territorial(FEB, 95, 90, 55, 80, 60, 50); // bottom three: c, e, f

        assertThat(found(rule.findings(jan, feb))).containsExactly("e", "f");
    }

    @Test
    void notForOneBadMonth() {
        Ranking jan = territorial(JAN, 50, 60, 70, 80, 90, 95); // bottom three: a, b, c
        Ranking feb = territorial(FEB, 95, 90, 85, 70, 60, 50); // bottom three: d, e, f

        assertThat(rule.findings(jan, feb)).isEmpty();
    }

    @Test
    void notForBottomThreeInMonthsThatAreNotConsecutive() {
        Ranking jan = territorial(JAN, 95, 90, 85, 70, 60, 50);
        Ranking mar = territorial(MAR, 95, 90, 85, 70, 60, 50);

        assertThat(rule.findings(jan, mar)).isEmpty();
        // and the order of the arguments matters: February does not precede January
        assertThat(rule.findings(territorial(FEB, 95, 90, 85, 70, 60, 50), jan)).isEmpty();
    }

    @Test
    void unitsTiedAtTheBoundaryAreAllInTheBottomThree() {
        // c, d and e tied on every criterion: each has only f below it, so all three are in the bottom three
        Ranking jan = territorial(JAN, 95, 90, 60, 60, 60, 50);
        Ranking feb = territorial(FEB, 95, 90, 60, 60, 60, 50);

        assertThat(jan.bottom(TERRITORIAL, 3)).hasSize(4);
        assertThat(found(rule.findings(jan, feb))).containsExactly("c", "d", "e", "f");
    }

    @Test
    void aTieBrokenByTheTieRuleDecidesWhoIsInTheBottomThree() {
        // c and d have the same score; c has the higher satisfaction rate, so d is third from the bottom
        List<UnitPeriod> jan = new ArrayList<>(group(TERRITORIAL, "abcdef", 95, 90, 60, 60, 55, 50));
        jan.set(2, withSatisfaction(jan.get(2), 0.95));
        jan.set(3, withSatisfaction(jan.get(3), 0.80));
        Ranking janRanking = Ranking.of(JAN, jan);
        Ranking feb = territorial(FEB, 95, 90, 60, 60, 55, 50); // c and d fully tied: both in

        assertThat(janRanking.bottom(TERRITORIAL, 3)).extracting(r -> r.unit().unit().value())
                .containsExactly("d", "e", "f");
        assertThat(found(rule.findings(janRanking, feb))).containsExactly("d", "e", "f");
    }

    @Test
    void eachGroupIsJudgedOnItsOwnRanking() {
        // the territorial units all score above every industry department; each group still has its bottom three
        List<UnitPeriod> jan = new ArrayList<>(group(TERRITORIAL, "abcdef", 99, 98, 97, 96, 95, 94));
        jan.addAll(group(INDUSTRY, "pqrstu", 60, 55, 50, 45, 40, 35));
        List<UnitPeriod> feb = new ArrayList<>(group(TERRITORIAL, "abcdef", 99, 98, 97, 96, 95, 94));
        feb.addAll(group(INDUSTRY, "pqrstu", 60, 55, 50, 45, 40, 35));

        assertThat(found(rule.findings(Ranking.of(JAN, jan), Ranking.of(FEB, feb))))
                .containsExactlyInAnyOrder("d", "e", "f", "s", "t", "u");
    }

    @Test
    void aGroupOfThreeOrFewerHasNoBottomThree() {
        Ranking jan = Ranking.of(JAN, group(TERRITORIAL, "abc", 90, 50, 10));
        Ranking feb = Ranking.of(FEB, group(TERRITORIAL, "abc", 90, 50, 10));

        assertThat(rule.findings(jan, feb)).isEmpty();
    }

    @Test
    void aUnitWithoutAScoreInOneOfTheMonthsIsNotFound() {
        List<UnitPeriod> jan = new ArrayList<>(group(TERRITORIAL, "abcdef", 95, 90, 85, 70, 60, 50));
        jan.set(5, new UnitPeriod(new UnitId("f"), "f", TERRITORIAL,
                new ScoreCard(Facts.none(), null, null, null, null, 0, 0, 0, null)));
        Ranking feb = territorial(FEB, 95, 90, 85, 70, 60, 50);

        assertThat(found(rule.findings(Ranking.of(JAN, jan), feb))).containsExactly("d", "e");
    }

    @Test
    void theFindingCarriesTheRanksOfBothMonths() {
        Ranking jan = territorial(JAN, 95, 90, 85, 70, 60, 50);
        Ranking feb = territorial(FEB, 95, 90, 85, 70, 50, 60);

        BottomThreeTwoMonths.Finding e = rule.findings(jan, feb).stream()
                .filter(f -> f.unit().unit().value().equals("e")).findFirst().orElseThrow();
        assertThat(e.previousMonth().rank()).isEqualTo(5);
        assertThat(e.currentMonth().rank()).isEqualTo(6);
        assertThat(e.currentMonth().groupSize()).isEqualTo(6);
    }

    static Ranking territorial(YearMonth month, double... scores) {
        return Ranking.of(month, group(TERRITORIAL, "abcdef", scores));
    }

    static List<UnitPeriod> group(RankingGroup group, String ids, double... scores) {
        List<UnitPeriod> units = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            String id = String.valueOf(ids.charAt(i));
            units.add(new UnitPeriod(new UnitId(id), id, group, new ScoreCard(Facts.with(Indicator.REPLIED, 10),
                    1.0, 0.8, 0.8, scores[i], 0, 0, 0, scores[i])));
        }
        return units;
    }

    static UnitPeriod withSatisfaction(UnitPeriod u, double satisfaction) {
        ScoreCard c = u.card();
        return new UnitPeriod(u.unit(), u.unitName(), u.group(), new ScoreCard(c.facts(), c.responseRate(),
                c.resolutionRate(), satisfaction, c.ratePoints(), 0, 0, 0, c.score()));
    }

    static List<String> found(List<BottomThreeTwoMonths.Finding> findings) {
        return findings.stream().map(f -> f.unit().unit().value()).sorted().toList();
    }
}
