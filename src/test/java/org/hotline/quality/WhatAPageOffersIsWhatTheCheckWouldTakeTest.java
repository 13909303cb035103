package org.hotline.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.quality.QualityFixture.*;

import java.time.Instant;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.workorder.Decision;
import org.junit.jupiter.api.Test;

/**
 * The console offers a review decision, a callback form or a leader's signature only when the rule would take it
 * ({@link ReplyCheck#mayReview}, {@link ReplyCheck#mayRecordCallback}, {@link LeaderSignature#maySign}), and shows
 * the rule's own reason when it would not. Each question is the first half of the action's own check: whenever it
 * refuses, the action refuses with the same code and changes nothing.
 */
class WhatAPageOffersIsWhatTheCheckWouldTakeTest {

    private final Instant t = at("2026-11-30T10:00");

    private static void sameRefusal(Decision asked, Decision acted) {
        assertThat(asked).isInstanceOf(Decision.Rejected.class);
        assertThat(acted).isInstanceOf(Decision.Rejected.class);
        assertThat(((Decision.Rejected) acted).code()).isEqualTo(((Decision.Rejected) asked).code());
        assertThat(((Decision.Rejected) acted).reason()).isEqualTo(((Decision.Rejected) asked).reason());
    }

    @Test
    void aReviewDecisionIsOfferedToWhoMayDecideTheCurrentLevelAndToNobodyTwice() {
        ReplyCheck check = check(0, t, CallbackPlan.CALL, ReviewLevel.UNIT_LEADER, ReviewLevel.DISTRICT_CENTER);
        Actor otherLeader = new Actor("zf-leader", "综合执法局负责人", Role.UNIT_LEADER, new UnitId("dcf-zhzfj"));

        assertThat(check.mayReview(gulouLeader()).isAllowed()).isTrue();
        assertThat(check.mayReview(otherLeader).isAllowed()).as("another unit's leader").isFalse();
        assertThat(check.mayReview(reviewer()).isAllowed()).as("not the reviewers' level yet").isFalse();
        sameRefusal(check.mayReview(reviewer()), check.review(reviewer(), true, null, t));

        require(check.review(gulouLeader(), true, null, t));
        assertThat(check.mayReview(reviewer()).isAllowed()).isTrue();
        Decision again = check.mayReview(gulouLeader());
        assertThat(again).isInstanceOfSatisfying(Decision.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("当前用户无权进行「区级中心审核」"));
        assertThat(check.decisions()).hasSize(1);
    }

    @Test
    void aReplyWaitingForItsCallbackOffersNoReviewAndSaysWhereItStands() {
        ReplyCheck check = check(0, t, CallbackPlan.CALL, ReviewLevel.DISTRICT_CENTER);
        require(check.review(reviewer(), true, null, t));

        Decision asked = check.mayReview(director());
        assertThat(asked).isInstanceOfSatisfying(Decision.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("该答复处于「待回访」，不在审核中"));
        sameRefusal(asked, check.review(director(), true, null, t));
    }

    @Test
    void aCallbackIsOfferedToTheAgentsOnlyOnceItIsDue() {
        ReplyCheck check = awaitingCallback(0, t);
        assertThat(check.mayRecordCallback(agent(), t, THREE_ATTEMPTS).isAllowed()).isTrue();
        Decision reviewerAsks = check.mayRecordCallback(reviewer(), t, THREE_ATTEMPTS);
        assertThat(reviewerAsks).isInstanceOfSatisfying(Decision.Rejected.class, r -> assertThat(r.forbidden()).isTrue());
        sameRefusal(reviewerAsks, check.recordCallback(reviewer(), CallResult.notReached(null), t, THREE_ATTEMPTS,
                TWO_REDOS));

        require(check.recordCallback(agent(), CallResult.notReached("无人接听"), t, THREE_ATTEMPTS, TWO_REDOS));
        Instant sameDay = at("2026-11-30T16:00");
        Decision tooSoon = check.mayRecordCallback(agent(), sameDay, THREE_ATTEMPTS);
        assertThat(tooSoon).isInstanceOfSatisfying(Decision.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("上次未接通，下次回访应在 2026-12-01 08:30 之后（另一个工作日）"));
        sameRefusal(tooSoon, check.recordCallback(agent(), CallResult.notReached(null), sameDay, THREE_ATTEMPTS,
                TWO_REDOS));
        assertThat(check.attempts()).isEqualTo(1);
        assertThat(check.mayRecordCallback(agent(), at("2026-12-01T08:30"), THREE_ATTEMPTS).isAllowed()).isTrue();
    }

    @Test
    void theSignatureIsOfferedToTheSampledUnitsLeaderOnlyWhileTheSampleIsOpen() {
        CallResult call = CallResult.reached(true, Satisfaction.SATISFIED, null);
        assertThat(LeaderSignature.maySign(gulouLeader(), GULOU, false).isAllowed()).isTrue();
        for (Actor other : new Actor[] { director(), agent(),
                new Actor("gulou-handler", "古楼街道承办人", Role.UNIT_HANDLER, GULOU),
                new Actor("zf-leader", "综合执法局负责人", Role.UNIT_LEADER, new UnitId("dcf-zhzfj")) }) {
            sameRefusal(LeaderSignature.maySign(other, GULOU, false), LeaderSignature.maySign(other, GULOU, false, call));
        }
        sameRefusal(LeaderSignature.maySign(gulouLeader(), GULOU, true),
                LeaderSignature.maySign(gulouLeader(), GULOU, true, call));
    }
}
