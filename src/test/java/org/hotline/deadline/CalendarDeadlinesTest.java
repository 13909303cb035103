package org.hotline.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.deadline.Shanghai.at;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The hotline's time limits on the working calendar, one nested class per rule of {@link DeadlineRules}. */
class CalendarDeadlinesTest {

    private final Deadlines deadlines = CalendarDeadlines.chinaDefaults(Shanghai.ZONE);

    @Nested
    class AcknowledgeWithinTwoWorkingHours {

        @Test
        void theLunchBreakDoesNotCount() {
            assertThat(deadlines.acknowledgeBy(at("2026-03-02 11:00"), false)).isEqualTo(at("2026-03-02 14:30"));
        }

        @Test
        void dispatchedLateOnFridayIsDueOnMondayMorning() {
            assertThat(deadlines.acknowledgeBy(at("2026-03-06 17:00"), false)).isEqualTo(at("2026-03-09 10:00"));
        }
    }

    @Nested
    class HandleWithinFiveWorkingDays {

        @Test
        void dispatchedBeforeSpringFestivalIsDueAfterIt() {
            assertThat(deadlines.handleBy(at("2026-02-13 15:00"), false)).isEqualTo(at("2026-02-27 15:00"));
        }
    }

    @Nested
    class UrgentClocksRunRoundTheClock {

        // Monday 16 February 2026 is the Spring Festival eve holiday: no working time at all that week.
        private final String festivalEvening = "2026-02-16 20:00";

        @Test
        void urgentAcknowledgeIsThirtyMinutesEvenOnAHolidayNight() {
            assertThat(deadlines.acknowledgeBy(at(festivalEvening), true)).isEqualTo(at("2026-02-16 20:30"));
            assertThat(deadlines.acknowledgeBy(at(festivalEvening), false)).isEqualTo(at("2026-02-24 10:30"));
        }

        @Test
        void urgentReplyIsDueTwentyFourHoursLater() {
            assertThat(deadlines.handleBy(at(festivalEvening), true)).isEqualTo(at("2026-02-17 20:00"));
        }

        @Test
        void urgentRedoIsDueTwentyFourHoursLater() {
            assertThat(deadlines.redoBy(at("2026-03-06 17:00"), true)).isEqualTo(at("2026-03-07 17:00"));
        }
    }

    @Nested
    class ReturnRequestWithinTwoWorkingDays {

        @Test
        void theMakeUpSundayBeforeNationalDayCounts() {
            // Fri 26 Sep 2025 15:00; Sun 28 Sep is a make-up workday, so the window closes Mon 29 Sep 15:00.
            assertThat(deadlines.returnRequestBy(at("2025-09-26 15:00"))).isEqualTo(at("2025-09-29 15:00"));
        }
    }

    @Nested
    class CoUnitDeadlineNeverAfterLead {

        private final String leadDeadline = "2026-03-06 17:30";

        @Test
        void aCoUnitAddedEarlyHasThreeWorkingDays() {
            assertThat(deadlines.coUnitBy(at("2026-03-02 09:00"), at(leadDeadline))).isEqualTo(at("2026-03-05 09:00"));
        }

        @Test
        void aCoUnitAddedLateIsDueWithTheLead() {
            assertThat(deadlines.coUnitBy(at("2026-03-05 10:00"), at(leadDeadline))).isEqualTo(at(leadDeadline));
        }
    }

    @Nested
    class RedoGetsFiveWorkingDaysAgain {

        @Test
        void redoFromTheMakeUpSaturdayAfterNationalDay() {
            // Sat 11 Oct 2025 is worked; Sun 12 off; Mon 13 .. Thu 16, then Fri 17 Oct 10:00.
            assertThat(deadlines.redoBy(at("2025-10-11 10:00"), false)).isEqualTo(at("2025-10-17 10:00"));
        }
    }

    @Nested
    class ExtensionsAddWorkingDays {

        @Test
        void twoDaysFromTheFridayBeforeSpringFestivalEndAfterIt() {
            // The make-up Saturday 14 Feb is one day, 15-23 Feb are off, Tuesday 24 Feb is the second.
            assertThat(deadlines.extend(at("2026-02-13 17:30"), 2)).isEqualTo(at("2026-02-24 17:30"));
        }

        @Test
        void tenWorkingDaysAtMost() {
            assertThat(deadlines.maxExtensionDays()).isEqualTo(10);
            assertThat(deadlines.extend(at("2026-03-06 17:30"), 10)).isEqualTo(at("2026-03-20 17:30"));
            assertThatThrownBy(() -> deadlines.extend(at("2026-03-06 17:30"), 11)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> deadlines.extend(at("2026-03-06 17:30"), -1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class PausedClockShiftsDeadlineByWorkingTime {

        private final String deadline = "2026-03-06 17:30";

        @Test
        void aPauseOverNightGivesBackOnlyTheOfficeHours() {
            // Paused Wed 16:00, resumed Thu 10:00: 1.5 + 1.5 working hours, so Friday 17:30 becomes Monday 11:30.
            assertThat(deadlines.pause(at(deadline), at("2026-03-04 16:00"), at("2026-03-05 10:00")))
                    .isEqualTo(at("2026-03-09 11:30"));
        }

        @Test
        void aPauseOverTheNationalDayHolidayGivesNothingBack() {
            assertThat(deadlines.pause(at("2025-10-10 17:30"), at("2025-09-30 17:30"), at("2025-10-09 08:30")))
                    .isEqualTo(at("2025-10-10 17:30"));
        }

        @Test
        void resumingBeforePausingIsABug() {
            assertThatThrownBy(() -> deadlines.pause(at(deadline), at("2026-03-05 10:00"), at("2026-03-04 16:00")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class AtRiskAfterThreeQuartersOfWorkingTime {

        @Test
        void aFullWorkingWeek() {
            // 37.5 working hours, 75% is 28h07m30s: Mon, Tue, Wed and 5h37m30s of Thursday.
            assertThat(deadlines.atRiskFrom(at("2026-03-02 08:30"), at("2026-03-06 17:30"))).isEqualTo(at("2026-03-05 15:37:30"));
        }

        @Test
        void holidaysDoNotCount() {
            // Over Spring Festival: 2.5h on 13 Feb, the make-up 14 Feb, 24 and 25 Feb, then 3h07m30s of 26 Feb.
            assertThat(deadlines.atRiskFrom(at("2026-02-13 15:00"), at("2026-02-27 15:00"))).isEqualTo(at("2026-02-26 11:37:30"));
        }

        @Test
        void anUrgentOrderOverAWeekendIsMeasuredInElapsedTime() {
            assertThat(deadlines.atRiskFrom(at("2026-03-07 08:00"), at("2026-03-08 08:00"))).isEqualTo(at("2026-03-08 02:00"));
        }

        @Test
        void theShareIsConfigurable() {
            var d = DeadlineRules.defaults();
            var halfway = new DeadlineRules(d.acknowledge(), d.urgentAcknowledge(), d.handleDays(), d.urgentHandle(),
                    d.returnRequestDays(), d.coUnitDays(), d.redoDays(), d.urgentRedo(), d.maxExtensionDays(), 0.5);
            var deadlines = new CalendarDeadlines(Shanghai.calendar(), halfway);
            // Half of 37.5 hours is 18h45m: Monday, Tuesday, the Wednesday morning and 15 minutes after lunch.
            assertThat(deadlines.atRiskFrom(at("2026-03-02 08:30"), at("2026-03-06 17:30"))).isEqualTo(at("2026-03-04 13:45"));
        }
    }

    @Nested
    class RulesAreConfigurable {

        @Test
        void sevenWorkingDaysToReplyAndOneHourToAcknowledgeUrgently() {
            var d = DeadlineRules.defaults();
            var rules = new DeadlineRules(d.acknowledge(), Duration.ofHours(1), 7, d.urgentHandle(),
                    d.returnRequestDays(), d.coUnitDays(), d.redoDays(), d.urgentRedo(), d.maxExtensionDays(), d.atRiskShare());
            var deadlines = new CalendarDeadlines(Shanghai.calendar(), rules);
            assertThat(deadlines.handleBy(at("2026-03-02 15:00"), false)).isEqualTo(at("2026-03-11 15:00"));
            assertThat(deadlines.acknowledgeBy(at("2026-03-07 23:30"), true)).isEqualTo(at("2026-03-08 00:30"));
        }

        @Test
        void nonsensicalLimitsAreRefused() {
            var d = DeadlineRules.defaults();
            assertThatThrownBy(() -> new DeadlineRules(d.acknowledge(), d.urgentAcknowledge(), 0, d.urgentHandle(),
                    d.returnRequestDays(), d.coUnitDays(), d.redoDays(), d.urgentRedo(), d.maxExtensionDays(), d.atRiskShare()))
                    .hasMessageContaining("handleDays");
            assertThatThrownBy(() -> new DeadlineRules(d.acknowledge(), d.urgentAcknowledge(), d.handleDays(), d.urgentHandle(),
                    d.returnRequestDays(), d.coUnitDays(), d.redoDays(), d.urgentRedo(), d.maxExtensionDays(), 1.5))
                    .hasMessageContaining("atRiskShare");
            assertThatThrownBy(() -> new DeadlineRules(Duration.ZERO, d.urgentAcknowledge(), d.handleDays(), d.urgentHandle(),
                    d.returnRequestDays(), d.coUnitDays(), d.redoDays(), d.urgentRedo(), d.maxExtensionDays(), d.atRiskShare()))
                    .hasMessageContaining("acknowledge");
        }
    }
}
