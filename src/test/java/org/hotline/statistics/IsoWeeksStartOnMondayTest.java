package org.hotline.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Weekly figures run on ISO weeks: Monday to Sunday, named by the ISO week-based year and week number. */
class IsoWeeksStartOnMondayTest {

    @Test
    void aSundayBelongsToTheWeekThatStartedTheMondayBefore() {
        // Sunday 8 March 2026
        assertThat(Period.WEEK.startOf(LocalDate.of(2026, 3, 8))).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(Period.WEEK.endOf(LocalDate.of(2026, 3, 8))).isEqualTo(LocalDate.of(2026, 3, 8));
        // Monday 9 March 2026 starts the next week
        assertThat(Period.WEEK.startOf(LocalDate.of(2026, 3, 9))).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void weeksAreNamedByIsoWeekNumber() {
        // 2 March 2026 is in the tenth ISO week (week 1 began on Monday 29 December 2025)
        assertThat(Period.WEEK.nameOf(LocalDate.of(2026, 3, 4))).isEqualTo("2026-W10");
    }

    @Test
    void newYearsDayOnAThursdayIsInWeekOneWhichStartedInDecember() {
        // Thursday 1 January 2026: its week, 2026-W01, starts Monday 29 December 2025
        assertThat(Period.WEEK.startOf(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(Period.WEEK.nameOf(LocalDate.of(2025, 12, 30))).isEqualTo("2026-W01");
    }

    @Test
    void newYearsDayOnAFridayIsInTheLastWeekOfTheYearBefore() {
        // Friday 1 January 2027 belongs to 2026-W53 (2026 has 53 ISO weeks: it starts on a Thursday)
        assertThat(Period.WEEK.nameOf(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
        assertThat(Period.WEEK.startOf(LocalDate.of(2027, 1, 3))).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void aReportFromWednesdayStartsWithThePartOfThatWeekItCovers() {
        // Wednesday 4 to Tuesday 17 March 2026: 4–8, 9–15, 16–17
        var buckets = Period.WEEK.bucketsOf(new DateRange(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 17)));
        assertThat(buckets).extracting(PeriodBucket::name).containsExactly("2026-W10", "2026-W11", "2026-W12");
        assertThat(buckets).extracting(b -> b.days().from()).containsExactly(LocalDate.of(2026, 3, 4),
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16));
        assertThat(buckets).extracting(b -> b.days().to()).containsExactly(LocalDate.of(2026, 3, 8),
                LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 17));
    }
}
