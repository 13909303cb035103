package org.hotline.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/**
 * A report's days are calendar days in the hotline's zone (Asia/Shanghai, UTC+8), not UTC days: March
 * starts at 16:00 UTC on 28 February and ends at 16:00 UTC on 31 March.
 */
class DaysAreTheHotlinesDaysTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final DateRange march = new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

    @Test
    void aReportStartsAtMidnightBeijingTime() {
        assertThat(march.start(SHANGHAI)).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
    }

    @Test
    void aReportEndsAtTheMidnightAfterItsLastDay() {
        assertThat(march.end(SHANGHAI)).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
    }

    @Test
    void halfPastElevenAtNightOnTheLastDayIsStillInTheReport() {
        Instant lateCall = LocalDate.of(2026, 3, 31).atTime(23, 30).atZone(SHANGHAI).toInstant();
        assertThat(lateCall).isBefore(march.end(SHANGHAI)).isAfterOrEqualTo(march.start(SHANGHAI));
        // while in UTC it is still 31 March, half past midnight Beijing time on 1 April is not in it
        Instant afterMidnight = LocalDate.of(2026, 4, 1).atTime(0, 30).atZone(SHANGHAI).toInstant();
        assertThat(afterMidnight).isEqualTo(Instant.parse("2026-03-31T16:30:00Z")).isAfterOrEqualTo(march.end(SHANGHAI));
    }

    @Test
    void theRangeCountsBothEnds() {
        assertThat(march.days()).isEqualTo(31);
        assertThat(march.contains(LocalDate.of(2026, 3, 1))).isTrue();
        assertThat(march.contains(LocalDate.of(2026, 3, 31))).isTrue();
        assertThat(march.contains(LocalDate.of(2026, 4, 1))).isFalse();
    }
}
