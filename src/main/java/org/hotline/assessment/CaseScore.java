package org.hotline.assessment;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A month's score of the unit as it stood when the case was opened: the evidence does not move afterwards. */
public record CaseScore(YearMonth month, RankingGroup group, Integer rank, int groupSize, BigDecimal score,
        Double responseRate, Double resolutionRate, Double satisfactionRate, int replied, int overdue, int redone,
        int unsatisfied, int nonCooperation) {

    public static CaseScore of(YearMonth month, RankingGroup group, Integer rank, int groupSize, ScoreCard card) {
        Facts f = card.facts();
        return new CaseScore(month, group, rank, groupSize, card.publishedScore(), card.responseRate(),
                card.resolutionRate(), card.satisfactionRate(), f.count(Indicator.REPLIED),
                f.count(Indicator.OVERDUE), f.count(Indicator.REDONE), f.count(Indicator.UNSATISFIED),
                f.count(Indicator.NON_COOPERATION));
    }
}
