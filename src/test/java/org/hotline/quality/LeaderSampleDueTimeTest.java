package org.hotline.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.quality.QualityFixture.*;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A leader sample is due by the end of office hours of the next working day after the sampled day. */
class LeaderSampleDueTimeTest {

    @Test
    void aMondaysSampleDrawnThatNightIsDueTuesdayEvening() {
        assertThat(LeaderSampling.dueAt(LocalDate.of(2026, 11, 30), at("2026-12-01T00:30"), CALENDAR))
                .isEqualTo(at("2026-12-01T17:30"));
    }

    @Test
    void aFridaysSampleIsDueMondayEvening() {
        assertThat(LeaderSampling.dueAt(LocalDate.of(2026, 12, 4), at("2026-12-05T00:30"), CALENDAR))
                .isEqualTo(at("2026-12-07T17:30"));
    }

    @Test
    void theDayBeforeNationalDayIsDueAfterTheHoliday() {
        assertThat(LeaderSampling.dueAt(LocalDate.of(2026, 9, 30), at("2026-10-01T00:30"), CALENDAR))
                .isEqualTo(at("2026-10-08T17:30"));
    }

    @Test
    void aDrawRunLateStillLeavesTheLeaderTheDayItWasDrawn() {
        assertThat(LeaderSampling.dueAt(LocalDate.of(2026, 11, 30), at("2026-12-03T10:00"), CALENDAR))
                .isEqualTo(at("2026-12-03T17:30"));
    }
}
