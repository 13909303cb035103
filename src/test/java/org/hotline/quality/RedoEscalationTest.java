package org.hotline.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.quality.QualityFixture.*;

import java.time.Instant;

import org.hotline.workorder.Decision;
import org.junit.jupiter.api.Test;

/**
 * An unsolved or unsatisfying result at the callback sends the order back for redo, twice at most: after the
 * second redo a further failure escalates it to a supervisor, not to a third redo.
 */
class RedoEscalationTest {

    private final Instant t = at("2026-11-30T10:00");
    private final CallResult unsatisfied = CallResult.reached(true, Satisfaction.UNSATISFIED, "积水又出现了");

    @Test
    void aFirstReplyTheCitizenIsUnsatisfiedWithIsRedone() {
        ReplyCheck check = awaitingCallback(0, t);
        require(check.recordCallback(agent(), unsatisfied, t, THREE_ATTEMPTS, TWO_REDOS));
        assertThat(check.next()).isInstanceOfSatisfying(NextStep.Redo.class,
                r -> assertThat(r.reason()).contains("不满意").contains("积水又出现了"));
        assertThat(check.outcome()).isEqualTo(CheckOutcome.REDONE_AFTER_CALLBACK);
    }

    @Test
    void theReplyAfterTheFirstRedoIsStillRedone() {
        ReplyCheck check = awaitingCallback(1, t);
        require(check.recordCallback(agent(), unsatisfied, t, THREE_ATTEMPTS, TWO_REDOS));
        assertThat(check.next()).isInstanceOf(NextStep.Redo.class);
    }

    @Test
    void theReplyAfterTheSecondRedoIsEscalatedNotRedoneAThirdTime() {
        ReplyCheck check = awaitingCallback(2, t);
        require(check.recordCallback(agent(), unsatisfied, t, THREE_ATTEMPTS, TWO_REDOS));

        assertThat(check.next()).isInstanceOfSatisfying(NextStep.Escalate.class,
                e -> assertThat(e.reason()).contains("已重办 2 次"));
        assertThat(check.outcome()).isEqualTo(CheckOutcome.ESCALATED);
        assertThat(check.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(OrderEscalated.class,
                o -> assertThat(o.redoCount()).isEqualTo(2)));
    }

    @Test
    void anUnsolvedProblemCountsAsAFailureEvenWhenTheCitizenIsPolite() {
        ReplyCheck check = awaitingCallback(2, t);
        require(check.recordCallback(agent(), CallResult.reached(false, Satisfaction.SATISFIED, null), t,
                THREE_ATTEMPTS, TWO_REDOS));
        assertThat(check.next()).isInstanceOf(NextStep.Escalate.class);
    }

    @Test
    void aSolvedProblemAndABasicallySatisfiedCitizenCloseTheOrderWhateverTheRedoCount() {
        ReplyCheck check = awaitingCallback(2, t);
        require(check.recordCallback(agent(), CallResult.reached(true, Satisfaction.BASICALLY_SATISFIED, null), t,
                THREE_ATTEMPTS, TWO_REDOS));
        assertThat(check.next()).isInstanceOf(NextStep.Close.class);
        assertThat(check.outcome()).isEqualTo(CheckOutcome.CLOSED_CONFIRMED);
    }

    @Test
    void theNumberOfRedosBeforeEscalationIsConfiguration() {
        assertThat(new RedoEscalation(1).afterFailedCallback(1)).isEqualTo(RedoEscalation.Consequence.ESCALATE);
        assertThat(new RedoEscalation(3).afterFailedCallback(2)).isEqualTo(RedoEscalation.Consequence.REDO);
    }

    @Test
    void onlyTheCentersCallbackAgentsRecordCallbacks() {
        ReplyCheck check = awaitingCallback(0, t);
        Decision byReviewer = check.recordCallback(reviewer(), unsatisfied, t, THREE_ATTEMPTS, TWO_REDOS);
        assertThat(byReviewer).isInstanceOfSatisfying(Decision.Rejected.class, r -> assertThat(r.forbidden()).isTrue());
        assertThat(check.stage()).isEqualTo(ReplyCheck.Stage.CALLBACK);
    }

    @Test
    void aReachedCallNeedsBothAnswersAndAnUnreachedOneNone() {
        ReplyCheck check = awaitingCallback(0, t);
        assertThat(check.recordCallback(agent(), new CallResult(true, true, null, null), t, THREE_ATTEMPTS,
                TWO_REDOS)).isInstanceOf(Decision.Rejected.class);
        assertThat(check.recordCallback(agent(), new CallResult(false, null, Satisfaction.SATISFIED, null), t,
                THREE_ATTEMPTS, TWO_REDOS)).isInstanceOf(Decision.Rejected.class);
        assertThat(check.attempts()).isZero();
    }
}
