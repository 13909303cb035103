package org.hotline.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A unit's score for a period, with everything that went into it: the facts, the three rates (between 0
 * and 1; null when the period had nothing to measure them by), the points the rates earned, the points
 * deducted, and the score. A unit with none of the three rates measurable has no score and is not ranked: no
 * replies due and no callbacks is no evidence either way.
 */
public record ScoreCard(Facts facts, Double responseRate, Double resolutionRate, Double satisfactionRate,
        Double ratePoints, double overduePenalty, double nonCooperationPenalty, double missedSamplePenalty,
        double lowQualityReplyPenalty, double patrolShortfallPenalty, Double score) {

    /** A card without reply-quality deductions. */
    public ScoreCard(Facts facts, Double responseRate, Double resolutionRate, Double satisfactionRate,
            Double ratePoints, double overduePenalty, double nonCooperationPenalty, double missedSamplePenalty,
            Double score) {
        this(facts, responseRate, resolutionRate, satisfactionRate, ratePoints, overduePenalty, nonCooperationPenalty,
                missedSamplePenalty, 0, 0, score);
    }

    public boolean isScored() {
        return score != null;
    }

    public double penalties() {
        return overduePenalty + nonCooperationPenalty + missedSamplePenalty + lowQualityReplyPenalty
                + patrolShortfallPenalty;
    }

    /** 巡查覆盖率: patrol reports filed that count, of those due; null when none were due (no field reporters). */
    public Double patrolCoverageRate() {
        Double r = rate(facts.count(Indicator.PATROL_FILED), facts.count(Indicator.PATROL_DUE));
        return r == null ? null : Math.min(1, r);
    }

    /** 巡查缺报: the reports due that were not filed. */
    public int patrolShortfall() {
        return Math.max(0, facts.count(Indicator.PATROL_DUE) - facts.count(Indicator.PATROL_FILED));
    }

    /** The score as published: two decimals, half up. Rankings compare this, so that ties are ties on paper. */
    public BigDecimal publishedScore() {
        return score == null ? null : BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP);
    }

    /** 按时签收率 */
    public Double acknowledgedOnTimeRate() {
        return rate(facts.count(Indicator.ACKNOWLEDGED_ON_TIME),
                facts.count(Indicator.ACKNOWLEDGED_ON_TIME) + facts.count(Indicator.ACKNOWLEDGED_LATE));
    }

    /** 按期办结率: replies that stood and came on time, of all replies. */
    public Double repliedOnTimeRate() {
        return rate(facts.count(Indicator.REPLIED_ON_TIME), facts.count(Indicator.REPLIED));
    }

    /** 重办率 */
    public Double redoRate() {
        return rate(facts.count(Indicator.REDONE), facts.count(Indicator.REPLIED));
    }

    /** 退回率: approved returns of the orders received. */
    public Double returnRate() {
        return rate(facts.count(Indicator.RETURN_APPROVED), facts.count(Indicator.RECEIVED));
    }

    /** 协办按时率: parts delivered on time, of all parts that came due (delivered late or written off included). */
    public Double coHandlingOnTimeRate() {
        return rate(facts.count(Indicator.CO_PART_ON_TIME), facts.count(Indicator.CO_PART_ON_TIME)
                + facts.count(Indicator.CO_PART_LATE) + facts.count(Indicator.NON_COOPERATION));
    }

    /** 一把手抽访完成率 */
    public Double sampleCompletionRate() {
        return rate(facts.count(Indicator.SAMPLE_COMPLETED),
                facts.count(Indicator.SAMPLE_COMPLETED) + facts.count(Indicator.SAMPLE_MISSED));
    }

    static Double rate(double part, int whole) {
        return whole == 0 ? null : part / whole;
    }
}
