package org.hotline.assessment;

/**
 * The composite score (综合得分) on a 100-point scale:
 * <pre>
 *   rate points = 100 × (w₁·响应率 + w₂·解决率 + w₃·满意率) / (w₁ + w₂ + w₃)   over the rates that can be measured
 *   score       = rate points − overdue × p₁ − non-cooperation × p₂ − missed samples × p₃ − low-quality replies × p₄
 *                 − (1 − 巡查覆盖率) × p₅ (territorial units only), kept within 0..100
 * </pre>
 * where
 * <ul>
 *   <li>响应率 (response) = replies that stood, came on time and record the citizen contacted, of the replies
 *       due (replies given plus orders still unanswered past their deadline);</li>
 *   <li>解决率 (resolution) = reached callbacks in which the citizen says it is resolved, of all reached;</li>
 *   <li>满意率 (satisfaction) = (满意 + 0.9 × 基本满意) / reached callbacks; 不满意 counts 0.</li>
 * </ul>
 * A rate with nothing to measure (no replies due, no callback reached) is left out and the other weights are
 * scaled up to the whole, so a unit is neither rewarded nor punished for a day without callbacks. With none
 * of the three measurable there is no score. The score stays within 0..100 so that it reads as points out of
 * a hundred; units that fall to 0 are still told apart by the ranking's tie rule.
 *
 * <p>巡查覆盖率 (patrol coverage) = the patrol reports filed that count, of those due ({@link Indicator#PATROL_FILED}
 * of {@link Indicator#PATROL_DUE}). It costs points only to a territorial unit (towns and street offices have the
 * field reporters; an industry department is never scored on it, whatever its facts), and only when reports were
 * due: a town without field reporters is neither rewarded nor punished.
 */
public final class CompositeScore {

    private final ScoringRules rules;

    public CompositeScore(ScoringRules rules) {
        this.rules = rules;
    }

    public ScoringRules rules() {
        return rules;
    }

    /** The score of a unit whose group is not known: patrol coverage is not scored (see {@link #of(Facts, RankingGroup)}). */
    public ScoreCard of(Facts f) {
        return of(f, null);
    }

    /** The score of a unit of {@code group}: a territorial unit's patrol shortfall counts, any other's not. */
    public ScoreCard of(Facts f, RankingGroup group) {
        Double response = ScoreCard.rate(f.count(Indicator.RESPONDED), f.responsesDue());
        Double resolution = ScoreCard.rate(f.count(Indicator.CALLBACK_RESOLVED), f.callbacksReached());
        Double satisfaction = ScoreCard.rate(f.count(Indicator.SATISFIED)
                + rules.basicallySatisfiedCredit() * f.count(Indicator.BASICALLY_SATISFIED), f.callbacksReached());

        double weighted = 0;
        double weights = 0;
        if (response != null) {
            weighted += rules.responseWeight() * response;
            weights += rules.responseWeight();
        }
        if (resolution != null) {
            weighted += rules.resolutionWeight() * resolution;
            weights += rules.resolutionWeight();
        }
        if (satisfaction != null) {
            weighted += rules.satisfactionWeight() * satisfaction;
            weights += rules.satisfactionWeight();
        }
        Double ratePoints = weights > 0 ? 100 * weighted / weights : null;

        double overdue = f.count(Indicator.OVERDUE) * rules.overduePenalty();
        double nonCooperation = f.count(Indicator.NON_COOPERATION) * rules.nonCooperationPenalty();
        double missedSamples = f.count(Indicator.SAMPLE_MISSED) * rules.missedSamplePenalty();
        double lowQuality = f.count(Indicator.REPLY_LOW_QUALITY) * rules.lowQualityReplyPenalty();
        Double coverage = ScoreCard.rate(f.count(Indicator.PATROL_FILED), f.count(Indicator.PATROL_DUE));
        double patrol = group == RankingGroup.TERRITORIAL && coverage != null
                ? (1 - Math.min(1, coverage)) * rules.patrolShortfallPenalty() : 0;
        Double score = ratePoints == null ? null
                : Math.max(0, Math.min(100, ratePoints - overdue - nonCooperation - missedSamples - lowQuality
                        - patrol));
        return new ScoreCard(f, response, resolution, satisfaction, ratePoints, overdue, nonCooperation,
                missedSamples, lowQuality, patrol, score);
    }
}
