package org.hotline.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.quality.QualityFixture.*;

import java.time.Instant;

import org.hotline.workorder.Decision;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A citizen not reached is called again on a later working day (the start of office hours of the next working
 * day, skipping weekends and holidays, honouring make-up workdays), and after the configured number of failed
 * attempts the center gives up and the order closes as unreachable (回访未接通).
 */
class CallbackRetriesTest {

    @Nested
    class ALaterWorkingDay {

        @Test
        void aFailedCallOnAWeekdayIsRetriedTheNextMorning() {
            assertThat(THREE_ATTEMPTS.nextAttemptDue(at("2026-11-30T10:00"))).isEqualTo(at("2026-12-01T08:30"));
        }

        @Test
        void aFailedCallEarlyInTheMorningIsStillRetriedOnAnotherDay() {
            assertThat(THREE_ATTEMPTS.nextAttemptDue(at("2026-11-30T07:00"))).isEqualTo(at("2026-12-01T08:30"));
        }

        @Test
        void aFridayCallIsRetriedOnMonday() {
            assertThat(THREE_ATTEMPTS.nextAttemptDue(at("2026-12-04T16:00"))).isEqualTo(at("2026-12-07T08:30"));
        }

        @Test
        void theNationalDayHolidayIsSkipped() {
            assertThat(THREE_ATTEMPTS.nextAttemptDue(at("2026-09-30T11:00"))).isEqualTo(at("2026-10-08T08:30"));
        }

        @Test
        void aMakeUpSaturdayIsAWorkingDay() {
            assertThat(THREE_ATTEMPTS.nextAttemptDue(at("2026-10-09T15:00"))).isEqualTo(at("2026-10-10T08:30"));
        }

        @Test
        void retriesConfiguredTwoWorkingDaysApartSkipTwoWorkingDays() {
            CallbackRetries twoDaysApart = new CallbackRetries(3, 2, CALENDAR);
            assertThat(twoDaysApart.nextAttemptDue(at("2026-12-03T10:00"))).isEqualTo(at("2026-12-07T08:30"));
        }
    }

    @Nested
    class GivingUp {

        private final Instant monday = at("2026-11-30T10:00");

        @Test
        void afterThreeFailedAttemptsOnThreeWorkingDaysTheOrderClosesAsUnreachable() {
            ReplyCheck check = awaitingCallback(0, monday);

            require(check.recordCallback(agent(), CallResult.notReached("无人接听"), monday, THREE_ATTEMPTS, TWO_REDOS));
            assertThat(check.next()).isEqualTo(new NextStep.AwaitCallback(at("2026-12-01T08:30")));
            require(check.recordCallback(agent(), CallResult.notReached("关机"), at("2026-12-01T09:00"), THREE_ATTEMPTS,
                    TWO_REDOS));
            assertThat(check.stage()).isEqualTo(ReplyCheck.Stage.CALLBACK);
            require(check.recordCallback(agent(), CallResult.notReached("无人接听"), at("2026-12-02T09:00"),
                    THREE_ATTEMPTS, TWO_REDOS));

            assertThat(check.stage()).isEqualTo(ReplyCheck.Stage.DONE);
            assertThat(check.outcome()).isEqualTo(CheckOutcome.CLOSED_UNREACHABLE);
            assertThat(check.next()).isInstanceOfSatisfying(NextStep.Close.class,
                    c -> assertThat(c.note()).contains("回访未接通").contains("3"));
            assertThat(check.newAttempts()).extracting(CallbackAttempt::attempt).containsExactly(1, 2, 3);
        }

        @Test
        void theNumberOfAttemptsIsConfiguration() {
            CallbackRetries twoAttempts = new CallbackRetries(2, 1, CALENDAR);
            ReplyCheck check = awaitingCallback(0, monday);
            require(check.recordCallback(agent(), CallResult.notReached(null), monday, twoAttempts, TWO_REDOS));
            require(check.recordCallback(agent(), CallResult.notReached(null), at("2026-12-01T09:00"), twoAttempts,
                    TWO_REDOS));
            assertThat(check.outcome()).isEqualTo(CheckOutcome.CLOSED_UNREACHABLE);
        }

        @Test
        void aRetryBeforeItIsDueIsRefusedAndRecordsNothing() {
            ReplyCheck check = awaitingCallback(0, monday);
            require(check.recordCallback(agent(), CallResult.notReached(null), monday, THREE_ATTEMPTS, TWO_REDOS));

            Decision sameDay = check.recordCallback(agent(), CallResult.notReached(null), monday.plusSeconds(3600),
                    THREE_ATTEMPTS, TWO_REDOS);

            assertThat(sameDay).isInstanceOfSatisfying(Decision.Rejected.class,
                    r -> assertThat(r.code()).isEqualTo("callback-not-due"));
            assertThat(check.attempts()).isEqualTo(1);
            assertThat(check.newAttempts()).hasSize(1);
        }

        @Test
        void aCitizenReachedOnTheSecondAttemptEndsTheRetries() {
            ReplyCheck check = awaitingCallback(0, monday);
            require(check.recordCallback(agent(), CallResult.notReached(null), monday, THREE_ATTEMPTS, TWO_REDOS));
            require(check.recordCallback(agent(), CallResult.reached(true, Satisfaction.SATISFIED, null),
                    at("2026-12-01T09:00"), THREE_ATTEMPTS, TWO_REDOS));
            assertThat(check.outcome()).isEqualTo(CheckOutcome.CLOSED_CONFIRMED);
        }
    }
}
