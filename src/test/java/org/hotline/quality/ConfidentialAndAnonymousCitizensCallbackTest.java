package org.hotline.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.quality.QualityFixture.*;

import java.util.List;
import java.util.Set;

import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Who is called back: citizens who asked for confidentiality are called like anyone else; orders with nobody to
 * call (a patrol report, no phone number) are not called and close after review with that reason; categories
 * configured for a partial callback are drawn at random with their share.
 */
class ConfidentialAndAnonymousCitizensCallbackTest {

    private final CallbackSelection selection = new CallbackSelection(
            List.of(new CallbackSelection.Share("02.*", 0.3), new CallbackSelection.Share("03", 0)), 1.0,
            Set.of(Channel.PATROL));
    private final Citizen citizen = new Citizen("王女士", "13812341234", false);
    private final Citizen confidential = new Citizen("李先生", "13912345678", true);

    @Nested
    class WhoIsCalled {

        @Test
        void aConfidentialCitizenIsCalledLikeAnyoneElse() {
            assertThat(selection.plan(Channel.PHONE, confidential, "09.05.03", () -> 0.99)).isEqualTo(CallbackPlan.CALL);
        }

        @Test
        void aPatrolReportHasNoCitizenToCallEvenWithTheGridWorkersNumber() {
            assertThat(selection.plan(Channel.PATROL, citizen, "09.05.03", () -> 0.0))
                    .isEqualTo(CallbackPlan.NO_CONTACT);
        }

        @Test
        void aWebAppealWithoutAPhoneNumberHasNobodyToCall() {
            assertThat(selection.plan(Channel.WEB, new Citizen(null, null, false), null, () -> 0.0))
                    .isEqualTo(CallbackPlan.NO_CONTACT);
            assertThat(selection.plan(Channel.WEB, new Citizen("匿名", "12345", false), null, () -> 0.0))
                    .isEqualTo(CallbackPlan.NO_CONTACT);
        }
    }

    @Nested
    class PartialCallbackByCategory {

        @Test
        void aCategoryCalledBackInPartIsDrawnWithItsShare() {
            assertThat(selection.plan(Channel.PHONE, citizen, "02.01.01", () -> 0.29)).isEqualTo(CallbackPlan.CALL);
            assertThat(selection.plan(Channel.PHONE, citizen, "02.01.01", () -> 0.30))
                    .isEqualTo(CallbackPlan.NOT_SAMPLED);
            assertThat(selection.plan(Channel.PHONE, citizen, "03.01", () -> 0.0)).isEqualTo(CallbackPlan.NOT_SAMPLED);
        }

        @Test
        void everythingElseIsCalledBackWithoutDrawing() {
            assertThat(selection.plan(Channel.PHONE, citizen, "09.05.03", () -> {
                throw new AssertionError("no draw for a category called back in full");
            })).isEqualTo(CallbackPlan.CALL);
        }

        @Test
        void overManyOrdersTheShareCalledBackIsTheConfiguredOne() {
            java.util.SplittableRandom random = new java.util.SplittableRandom(7);
            int called = 0;
            int n = 20_000;
            for (int i = 0; i < n; i++) {
                if (selection.plan(Channel.PHONE, citizen, "02.03", random::nextDouble) == CallbackPlan.CALL) {
                    called++;
                }
            }
            // 0.3 ± 5 standard deviations of a binomial share over 20 000 draws (σ ≈ 0.0032)
            assertThat(called / (double) n).isBetween(0.284, 0.316);
        }
    }

    @Nested
    class AfterReview {

        @Test
        void anOrderWithNobodyToCallClosesOnceReviewedWithThatReason() {
            ReplyCheck check = check(0, at("2026-11-30T10:00"), CallbackPlan.NO_CONTACT, ReviewLevel.DISTRICT_CENTER);
            require(check.review(reviewer(), true, null, at("2026-11-30T11:00")));
            assertThat(check.outcome()).isEqualTo(CheckOutcome.CLOSED_NO_CONTACT);
            assertThat(check.next()).isInstanceOfSatisfying(NextStep.Close.class,
                    c -> assertThat(c.note()).contains("无可回访"));
        }

        @Test
        void anOrderNotDrawnClosesOnceReviewedWithThatReason() {
            ReplyCheck check = check(0, at("2026-11-30T10:00"), CallbackPlan.NOT_SAMPLED, ReviewLevel.DISTRICT_CENTER);
            require(check.review(reviewer(), true, null, at("2026-11-30T11:00")));
            assertThat(check.outcome()).isEqualTo(CheckOutcome.CLOSED_NOT_SAMPLED);
        }
    }
}
