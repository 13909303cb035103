package org.hotline.assessment;

/**
 * How a period's facts become points: the weights of the three rates (响应率, 解决率, 满意率, in percent, adding
 * up to 100), what a 基本满意 rating is worth next to 满意, the points deducted for each overdue order, each
 * non-cooperation, each leader-sampled order not called back in time and each low-quality reply, and the points a
 * territorial unit's patrol shortfall may cost ({@code patrolShortfallPenalty}: all of them at no patrol
 * coverage, none at full coverage, pro rata between).
 */
public record ScoringRules(double responseWeight, double resolutionWeight, double satisfactionWeight,
        double basicallySatisfiedCredit, double overduePenalty, double nonCooperationPenalty,
        double missedSamplePenalty, double lowQualityReplyPenalty, double patrolShortfallPenalty) {

    /**
     * Weights seen at large hotlines: response 10%, resolution 50%, satisfaction 40%; 基本满意 = 0.9 of 满意; a
     * low-quality reply costs half a point (it usually also costs a redo, which the resolution rate counts); a
     * town's patrol shortfall at most 5 points (as much as five overdue orders: patrol backs the hotline's work,
     * it is not the work).
     */
    public static ScoringRules defaults() {
        return new ScoringRules(10, 50, 40, 0.9, 1.0, 2.0, 1.0, 0.5, 5.0);
    }

    /** Rules that do not count patrol coverage (its penalty 0). */
    public ScoringRules(double responseWeight, double resolutionWeight, double satisfactionWeight,
            double basicallySatisfiedCredit, double overduePenalty, double nonCooperationPenalty,
            double missedSamplePenalty, double lowQualityReplyPenalty) {
        this(responseWeight, resolutionWeight, satisfactionWeight, basicallySatisfiedCredit, overduePenalty,
                nonCooperationPenalty, missedSamplePenalty, lowQualityReplyPenalty, 0);
    }

    /** Rules that do not count reply quality (its penalty 0). */
    public ScoringRules(double responseWeight, double resolutionWeight, double satisfactionWeight,
            double basicallySatisfiedCredit, double overduePenalty, double nonCooperationPenalty,
            double missedSamplePenalty) {
        this(responseWeight, resolutionWeight, satisfactionWeight, basicallySatisfiedCredit, overduePenalty,
                nonCooperationPenalty, missedSamplePenalty, 0, 0);
    }

    public ScoringRules {
        requireNonNegative("response weight", responseWeight);
        requireNonNegative("resolution weight", resolutionWeight);
        requireNonNegative("satisfaction weight", satisfactionWeight);
        if (Math.abs(responseWeight + resolutionWeight + satisfactionWeight - 100) > 1e-6) {
            throw new IllegalArgumentException("the weights of the three rates must add up to 100, not "
                    + (responseWeight + resolutionWeight + satisfactionWeight));
        }
        if (!(basicallySatisfiedCredit >= 0 && basicallySatisfiedCredit <= 1)) {
            throw new IllegalArgumentException("basically-satisfied credit must be between 0 and 1, not "
                    + basicallySatisfiedCredit);
        }
        requireNonNegative("overdue penalty", overduePenalty);
        requireNonNegative("non-cooperation penalty", nonCooperationPenalty);
        requireNonNegative("missed-sample penalty", missedSamplePenalty);
        requireNonNegative("low-quality reply penalty", lowQualityReplyPenalty);
        requireNonNegative("patrol shortfall penalty", patrolShortfallPenalty);
    }

    private static void requireNonNegative(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a number of at least 0, not " + value);
        }
    }
}
