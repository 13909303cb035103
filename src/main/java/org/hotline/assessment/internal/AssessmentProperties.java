package org.hotline.assessment.internal;

import org.hotline.assessment.BottomThreeTwoMonths;
import org.hotline.assessment.NonCooperationThreshold;
import org.hotline.assessment.ScoringRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hotline.assessment.*}: the scoring weights and penalties, the accountability rules and who receives
 * the cases, and how the nightly job and the bulletin behave. Every key has a default; bad values stop the
 * application at startup with the rule's own message.
 *
 * @param weights                  the weights of 响应率, 解决率, 满意率 in percent (10/50/40), adding up to 100
 * @param basicallySatisfied       what 基本满意 is worth next to 满意 (0.9)
 * @param penalties                points deducted per overdue order, non-cooperation, missed leader sample,
 *                                 low-quality reply; and the points a territorial unit's patrol shortfall costs at
 *                                 no coverage (5, pro rata to the share of reports due not filed; 0: not scored)
 * @param bottomCount              how many units at the bottom of a group count as 末位 (3)
 * @param nonCooperationThreshold  more non-cooperations than this in a month opens a NON_COOPERATION case (3)
 * @param disciplineCommission     the discipline commission's contact that cases are addressed to
 * @param lookBackDays             the nightly job recomputes this many days before yesterday too, because
 *                                 facts of past days change: a reply sent back for redo no longer stood, an
 *                                 extension moved a deadline, a leader sample came due
 * @param nightlyCron              when the nightly job runs (Spring cron in hotline.zone)
 * @param bulletinTop              how many units per group the bulletin's red and black lists show (3)
 * @param bulletinMaxOrders        the most overdue or redone orders the bulletin lists (the total is given)
 * @param maxRecomputeDays         the longest range one recompute request may cover
 */
@ConfigurationProperties("hotline.assessment")
record AssessmentProperties(@DefaultValue Weights weights, @DefaultValue("0.9") double basicallySatisfied,
        @DefaultValue Penalties penalties, @DefaultValue("3") int bottomCount,
        @DefaultValue("3") int nonCooperationThreshold, @DefaultValue Contact disciplineCommission,
        @DefaultValue("7") int lookBackDays, @DefaultValue("0 30 1 * * *") String nightlyCron,
        @DefaultValue("3") int bulletinTop, @DefaultValue("500") int bulletinMaxOrders,
        @DefaultValue("400") int maxRecomputeDays) {

    record Weights(@DefaultValue("10") double response, @DefaultValue("50") double resolution,
            @DefaultValue("40") double satisfaction) {
    }

    record Penalties(@DefaultValue("1") double overdue, @DefaultValue("2") double nonCooperation,
            @DefaultValue("1") double missedLeaderSample, @DefaultValue("0.5") double lowQualityReply,
            @DefaultValue("5") double patrolShortfall) {
    }

    record Contact(@DefaultValue("区纪委监委派驻纪检监察组") String name, @DefaultValue("") String email) {

        /** How the contact is written on a case: name and, when configured, the e-mail address. */
        String addressLine() {
            return email == null || email.isBlank() ? name : name + " <" + email + ">";
        }
    }

    AssessmentProperties {
        if (lookBackDays < 0 || lookBackDays > 62) {
            throw new IllegalArgumentException("hotline.assessment.look-back-days must be between 0 and 62");
        }
        if (bulletinTop < 1 || bulletinMaxOrders < 1 || maxRecomputeDays < 1) {
            throw new IllegalArgumentException(
                    "hotline.assessment.bulletin-top, bulletin-max-orders and max-recompute-days must be at least 1");
        }
        scoringRules(weights, basicallySatisfied, penalties); // fails fast with the rule's message
        new BottomThreeTwoMonths(bottomCount);
        new NonCooperationThreshold(nonCooperationThreshold);
    }

    ScoringRules scoringRules() {
        return scoringRules(weights, basicallySatisfied, penalties);
    }

    private static ScoringRules scoringRules(Weights w, double basicallySatisfied, Penalties p) {
        return new ScoringRules(w.response(), w.resolution(), w.satisfaction(), basicallySatisfied, p.overdue(),
                p.nonCooperation(), p.missedLeaderSample(), p.lowQualityReply(), p.patrolShortfall());
    }
}
