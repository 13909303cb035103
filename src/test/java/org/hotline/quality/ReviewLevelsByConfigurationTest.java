package org.hotline.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.quality.QualityFixture.*;
import static org.hotline.quality.ReviewLevel.*;

import java.time.Instant;
import java.util.List;

import org.hotline.workorder.Decision;
import org.hotline.workorder.Urgency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Which review levels a reply needs is configuration by category prefix and urgency, first matching rule wins,
 * the default otherwise; the reply then passes its levels in order, each decided by its own people.
 */
class ReviewLevelsByConfigurationTest {

    /** The example of the issue: urgent orders and category 01 need all three levels, the rest the district. */
    private final ReviewLevels config = new ReviewLevels(List.of(
            new ReviewLevels.Rule(null, Urgency.URGENT, List.of(UNIT_LEADER, DISTRICT_CENTER, CITY_CENTER)),
            new ReviewLevels.Rule("01.*", null, List.of(CITY_CENTER, UNIT_LEADER, DISTRICT_CENTER)),
            new ReviewLevels.Rule("05.02", Urgency.NORMAL, List.of(UNIT_LEADER, DISTRICT_CENTER)),
            new ReviewLevels.Rule("05", null, List.of())),
            List.of(DISTRICT_CENTER));

    @Nested
    class WhichLevelsApply {

        @Test
        void urgentOrdersOfAnyCategoryNeedAllThreeLevels() {
            assertThat(config.levelsFor("09.05.03", Urgency.URGENT)).containsExactly(UNIT_LEADER, DISTRICT_CENTER,
                    CITY_CENTER);
            assertThat(config.levelsFor(null, Urgency.URGENT)).hasSize(3);
        }

        @Test
        void aCategoryRuleCoversTheCodeAndEverythingBelowItButNotALookalike() {
            assertThat(config.levelsFor("01", Urgency.NORMAL)).hasSize(3);
            assertThat(config.levelsFor("01.02.01", Urgency.NORMAL)).hasSize(3);
            assertThat(config.levelsFor("010.01", Urgency.NORMAL)).containsExactly(DISTRICT_CENTER);
        }

        @Test
        void levelsArePassedUnitFirstCityLastHoweverTheRuleListsThem() {
            assertThat(config.levelsFor("01.01.01", Urgency.NORMAL)).containsExactly(UNIT_LEADER, DISTRICT_CENTER,
                    CITY_CENTER);
        }

        @Test
        void theFirstMatchingRuleWinsOverALaterBroaderOne() {
            assertThat(config.levelsFor("05.02.01", Urgency.NORMAL)).containsExactly(UNIT_LEADER, DISTRICT_CENTER);
            assertThat(config.levelsFor("05.01.01", Urgency.NORMAL)).as("the broader rule: no review").isEmpty();
            assertThat(config.levelsFor("05.02.01", Urgency.URGENT)).as("urgency comes first in the list")
                    .hasSize(3);
        }

        @Test
        void anythingNoRuleMatchesGetsTheDefault() {
            assertThat(config.levelsFor("09.05.03", Urgency.NORMAL)).containsExactly(DISTRICT_CENTER);
            assertThat(config.levelsFor(null, null)).containsExactly(DISTRICT_CENTER);
        }
    }

    @Nested
    class PassingTheLevels {

        private final Instant t = at("2026-11-30T10:00");

        @Test
        void eachApprovalMovesTheReplyToTheNextLevelAndTheLastToTheCallback() {
            ReplyCheck check = check(0, t, CallbackPlan.CALL, UNIT_LEADER, DISTRICT_CENTER, CITY_CENTER);
            assertThat(check.currentLevel()).isEqualTo(UNIT_LEADER);

            require(check.review(gulouLeader(), true, null, t.plusSeconds(60)));
            assertThat(check.next()).isEqualTo(new NextStep.AwaitReview(DISTRICT_CENTER));
            require(check.review(reviewer(), true, "答复属实", t.plusSeconds(120)));
            assertThat(check.currentLevel()).isEqualTo(CITY_CENTER);
            require(check.review(director(), true, null, t.plusSeconds(180)));

            assertThat(check.stage()).isEqualTo(ReplyCheck.Stage.CALLBACK);
            assertThat(check.next()).isEqualTo(new NextStep.AwaitCallback(t.plusSeconds(180)));
            assertThat(check.newDecisions()).extracting(ReviewDecision::level, ReviewDecision::reviewer)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(UNIT_LEADER, "gulou-leader"),
                            org.assertj.core.groups.Tuple.tuple(DISTRICT_CENTER, "reviewer1"),
                            org.assertj.core.groups.Tuple.tuple(CITY_CENTER, "director1"));
        }

        @Test
        void aReplyWithNoLevelsConfiguredGoesStraightToTheCallback() {
            ReplyCheck check = check(0, t, CallbackPlan.CALL);
            assertThat(check.stage()).isEqualTo(ReplyCheck.Stage.CALLBACK);
        }

        @Test
        void eachLevelIsDecidedOnlyByItsOwnPeople() {
            ReplyCheck check = check(0, t, CallbackPlan.CALL, UNIT_LEADER, DISTRICT_CENTER, CITY_CENTER);
            Decision byReviewer = check.review(reviewer(), true, null, t);
            Decision byOtherUnitsLeader = check.review(org.hotline.workorder.WorkOrderFixture.leaderOf(
                    org.hotline.workorder.WorkOrderFixture.MARKET), true, null, t);
            assertThat(byReviewer).isInstanceOfSatisfying(Decision.Rejected.class, r -> assertThat(r.forbidden()).isTrue());
            assertThat(byOtherUnitsLeader).isInstanceOf(Decision.Rejected.class);

            require(check.review(gulouLeader(), true, null, t));
            assertThat(check.review(director(), true, null, t)).as("the director reviews only at city level")
                    .isInstanceOf(Decision.Rejected.class);
            assertThat(check.currentLevel()).isEqualTo(DISTRICT_CENTER);
            assertThat(check.newDecisions()).hasSize(1);
        }

        @Test
        void nobodyDecidesTwoLevelsOfTheSameReply() {
            ReplyCheck check = check(0, t, CallbackPlan.CALL, DISTRICT_CENTER, CITY_CENTER);
            require(check.review(reviewer(), true, null, t));

            Decision again = check.review(reviewer(), true, null, t.plusSeconds(60));

            assertThat(again).isInstanceOfSatisfying(Decision.Rejected.class,
                    r -> assertThat(r.code()).isEqualTo("same-reviewer"));
            assertThat(check.currentLevel()).isEqualTo(CITY_CENTER);
            require(check.review(secondReviewer(), true, null, t.plusSeconds(60)));
            assertThat(check.stage()).isEqualTo(ReplyCheck.Stage.CALLBACK);
        }

        @Test
        void aReplyOutOfReviewCannotBeReviewed() {
            ReplyCheck check = check(0, t, CallbackPlan.CALL, DISTRICT_CENTER);
            require(check.review(reviewer(), true, null, t));
            assertThat(check.review(secondReviewer(), true, null, t)).isInstanceOfSatisfying(Decision.Rejected.class,
                    r -> assertThat(r.code()).isEqualTo("not-in-review"));
        }
    }
}
