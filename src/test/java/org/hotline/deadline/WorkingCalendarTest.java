package org.hotline.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.deadline.Shanghai.at;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** The working-day calendar on the official 2025 and 2026 arrangements: which days count, and how time adds up. */
class WorkingCalendarTest {

    private final WorkingCalendar calendar = Shanghai.calendar();

    @Nested
    class WeekendIsOff {

        @Test
        void anOrdinarySaturdayAndSundayAreNotWorked() {
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 8))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).isTrue();
        }
    }

    @Nested
    class MakeUpWorkdayCountsAsWorkingDay {

        @Test
        void theSaturdayAfterNationalDay2025IsWorked() {
            assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
            // The next Saturday is an ordinary one.
            assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 18))).isFalse();
        }

        @Test
        void theClockRunsOnTheMakeUpSaturday() {
            // Friday 17:00 plus one working hour: half an hour on Friday, half an hour on Saturday 11 October.
            assertThat(calendar.plusWorkingTime(at("2025-10-10 17:00"), Duration.ofHours(1)))
                    .isEqualTo(at("2025-10-11 09:00"));
        }
    }

    @Nested
    class HolidayOnWeekdayIsOff {

        @Test
        void theWeekdaysOfSpringFestival2026AreNotWorked() {
            for (LocalDate day = LocalDate.of(2026, 2, 16); day.isBefore(LocalDate.of(2026, 2, 21)); day = day.plusDays(1)) {
                assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
            }
            assertThat(calendar.holidayOn(LocalDate.of(2026, 2, 17))).hasValueSatisfying(name -> assertThat(name).contains("春节"));
        }

        @Test
        void theClockStandsStillOverTheHoliday() {
            // Wednesday 8 October 2025 is the last day of the National Day holiday.
            assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
            assertThat(calendar.plusWorkingTime(at("2025-09-30 17:00"), Duration.ofHours(1)))
                    .isEqualTo(at("2025-10-09 09:00"));
        }

        @Test
        void theDayBeforeMidAutumn2026IsAnOrdinaryWorkingDay() {
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 24))).isTrue();
            assertThat(calendar.holidayOn(LocalDate.of(2026, 9, 24))).isEmpty();
        }
    }

    @Nested
    class StartOutsideWorkingTimeBeginsAtNextPeriod {

        @ParameterizedTest(name = "{0} + 1 working hour = {1}")
        @CsvSource({
                "2026-03-02 07:00, 2026-03-02 09:30",   // before office hours
                "2026-03-02 12:30, 2026-03-02 14:30",   // during the lunch break
                "2026-03-02 20:00, 2026-03-03 09:30",   // in the evening
                "2026-03-07 10:00, 2026-03-09 09:30",   // on a Saturday
                "2026-02-15 10:00, 2026-02-24 09:30",   // on the first day of Spring Festival
        })
        void theFirstWorkingMinuteIsTheNextPeriodStart(String from, String expected) {
            assertThat(calendar.plusWorkingTime(at(from), Duration.ofHours(1))).isEqualTo(at(expected));
        }

        @Test
        void noWorkingTimeAddedIsTheStartItself() {
            assertThat(calendar.plusWorkingTime(at("2026-03-07 10:00"), Duration.ZERO)).isEqualTo(at("2026-03-07 10:00"));
        }
    }

    @Nested
    class TimeRunningOutAtPeriodEndEndsThere {

        @Test
        void mondayMorningPlusFiveWorkingDaysIsFridayCloseOfBusiness() {
            assertThat(calendar.plusWorkingDays(at("2026-03-02 08:30"), 5)).isEqualTo(at("2026-03-06 17:30"));
        }

        @Test
        void aMorningsWorthOfTimeEndsAtNoonNotAfterLunch() {
            assertThat(calendar.plusWorkingTime(at("2026-03-02 08:30"), Duration.ofMinutes(210))).isEqualTo(at("2026-03-02 12:00"));
        }

        @Test
        void oneMoreMinuteStartsTheNextPeriod() {
            assertThat(calendar.plusWorkingTime(at("2026-03-02 08:30"), Duration.ofMinutes(211))).isEqualTo(at("2026-03-02 13:31"));
        }
    }

    @Nested
    class WorkingDaysKeepTheTimeOfDay {

        @Test
        void mondayAfternoonPlusFiveWorkingDaysIsNextMondayAfternoon() {
            assertThat(calendar.plusWorkingDays(at("2026-03-02 15:00"), 5)).isEqualTo(at("2026-03-09 15:00"));
        }

        @Test
        void oneWorkingDayIsTheLengthOfTheOfficeDay() {
            assertThat(calendar.workingDayLength()).isEqualTo(Duration.ofMinutes(450));
        }
    }

    @Nested
    class FiveWorkingDaysSkipSpringFestival {

        @Test
        void dispatchedTheFridayBeforeIsDueTwoWeeksLater() {
            // Fri 13 Feb 15:00: 2.5h that day, the make-up Saturday 14 Feb, 15-23 Feb off, then 24-27 Feb.
            assertThat(calendar.plusWorkingDays(at("2026-02-13 15:00"), 5)).isEqualTo(at("2026-02-27 15:00"));
        }
    }

    @Nested
    class FiveWorkingDaysSkipNationalDay {

        @Test
        void dispatchedTheDayBeforeIsDueAfterTheMakeUpSaturday() {
            // Tue 30 Sep 09:00, 1-8 Oct off, Thu 9, Fri 10, the make-up Sat 11, Mon 13, then Tue 14 Oct 09:00.
            assertThat(calendar.plusWorkingDays(at("2025-09-30 09:00"), 5)).isEqualTo(at("2025-10-14 09:00"));
        }
    }

    @Nested
    class WorkingTimeBetweenCountsOnlyOfficeHours {

        @Test
        void fromFridayAfternoonToMondayMorning() {
            assertThat(calendar.workingTimeBetween(at("2026-03-06 16:00"), at("2026-03-09 10:00"))).isEqualTo(Duration.ofHours(3));
        }

        @Test
        void reversedIsNegative() {
            assertThat(calendar.workingTimeBetween(at("2026-03-09 10:00"), at("2026-03-06 16:00"))).isEqualTo(Duration.ofHours(-3));
        }

        @Test
        void isTheInverseOfAddingWorkingTime() {
            for (String from : List.of("2026-02-13 15:00", "2025-09-30 09:00", "2026-03-07 10:00", "2026-03-02 12:15")) {
                for (Duration time : List.of(Duration.ofMinutes(1), Duration.ofHours(2), Duration.ofMinutes(450 * 5), Duration.ofHours(100))) {
                    var until = calendar.plusWorkingTime(at(from), time);
                    assertThat(calendar.workingTimeBetween(at(from), until)).as(from + " + " + time).isEqualTo(time);
                }
            }
        }

        @Test
        void countsWorkingDaysIncludingMakeUpSaturdays() {
            // 9-13 Feb (5), Sat 14 Feb (1), 24-27 Feb (4), Sat 28 Feb (1); 15-23 Feb and Sun 1 Mar off.
            assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 9), LocalDate.of(2026, 3, 2))).isEqualTo(11);
        }
    }

    @Nested
    class WorkingHoursAreConfigurable {

        private final WorkingCalendar summerHours = new WorkingCalendar(CalendarFiles.shipped(), Shanghai.ZONE,
                WorkingHours.parse("09:00-12:00,14:00-18:00"));

        @Test
        void aWorkingDayIsAsLongAsTheConfiguredPeriods() {
            assertThat(summerHours.workingDayLength()).isEqualTo(Duration.ofHours(7));
            assertThat(summerHours.plusWorkingDays(at("2026-03-02 09:00"), 1)).isEqualTo(at("2026-03-02 18:00"));
            assertThat(summerHours.plusWorkingTime(at("2026-03-02 11:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-02 15:00"));
        }

        @Test
        void overlappingOrUnreadablePeriodsAreRefused() {
            assertThatThrownBy(() -> WorkingHours.parse("08:30-12:00,11:30-17:30")).hasMessageContaining("overlap");
            assertThatThrownBy(() -> WorkingHours.parse("08:30-12:00,1330-1730")).hasMessageContaining("1330-1730");
            assertThatThrownBy(() -> WorkingHours.parse("12:00-08:30")).hasMessageContaining("start before it ends");
        }
    }

    @Nested
    class MissingYearFallsBackToWeekends {

        @Test
        void aYearWithoutDataHasNoHolidaysButStillHasWeekends() {
            // 1 January 2030 is a Tuesday: without the 2030 notice it is an ordinary working day.
            assertThat(calendar.yearsWithData()).doesNotContain(2030);
            assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 1))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 5))).isFalse();
            assertThat(calendar.plusWorkingDays(at("2030-01-04 15:00"), 1)).isEqualTo(at("2030-01-07 15:00"));
        }

        @Test
        void warnsOncePerMissingYear() {
            Logger logger = (Logger) LoggerFactory.getLogger(WorkingCalendar.class);
            ListAppender<ILoggingEvent> appender = new ListAppender<>();
            appender.start();
            logger.addAppender(appender);
            try {
                calendar.plusWorkingDays(at("2030-03-01 09:00"), 30);
                calendar.isWorkingDay(LocalDate.of(2030, 12, 31));
                calendar.isWorkingDay(LocalDate.of(2031, 1, 1));
                calendar.isWorkingDay(LocalDate.of(2026, 1, 1));
            } finally {
                logger.detachAppender(appender);
            }
            assertThat(appender.list).allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.WARN));
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .satisfiesExactly(
                            first -> assertThat(first).contains("2030"),
                            second -> assertThat(second).contains("2031"));
        }
    }

    @Nested
    class ContradictingCalendarsAreRefused {

        @Test
        void twoArrangementsForOneYear() {
            var year = CalendarFiles.shipped().get(0);
            assertThatThrownBy(() -> new WorkingCalendar(List.of(year, year), Shanghai.ZONE, WorkingHours.governmentOfficeHours()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(year.year()));
        }
    }
}
