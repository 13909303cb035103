package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@link DbTime} promises, whichever database the hotline runs on: a moment written as a parameter comes back
 * as the same instant, a day as the same day, and a day's start is midnight in the hotline's zone. Runs once on H2
 * in PostgreSQL mode and once on PostgreSQL.
 */
abstract class DbTimeContract {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMomentComesBackAsTheSameInstant() {
        // 00:30 on 2 March in Beijing, still 1 March in UTC: no zone may creep in on the way
        Instant moment = Instant.parse("2026-03-01T16:30:00.123456Z");

        assertThat(roundTrip(moment)).isEqualTo(moment);
    }

    @Test
    void aClockReadingComesBackToTheMicrosecondRoundedAlikeOnBothDatabases() {
        assertThat(roundTrip(Instant.parse("2026-03-01T16:30:00.123456789Z")))
                .isEqualTo(Instant.parse("2026-03-01T16:30:00.123457Z"));
        assertThat(roundTrip(Instant.parse("2026-03-01T16:30:00.999999600Z")))
                .isEqualTo(Instant.parse("2026-03-01T16:30:01Z"));
    }

    @Test
    void aMissingMomentStaysMissing() {
        assertThat(roundTrip(null)).isNull();
    }

    @Test
    void storedMomentsCompareAsInstantsWhateverZoneTheyWereWrittenIn() {
        Instant earlier = Instant.parse("2026-03-01T23:59:00Z");
        Instant later = Instant.parse("2026-03-02T00:01:00Z");

        Boolean before = jdbc.sql("SELECT CASE WHEN CAST(:a AS TIMESTAMP WITH TIME ZONE)"
                + " < CAST(:b AS TIMESTAMP WITH TIME ZONE) THEN TRUE ELSE FALSE END")
                .param("a", DbTime.param(earlier)).param("b", DbTime.param(later)).query(Boolean.class).single();

        assertThat(before).isTrue();
    }

    @Test
    void aDayStartsAtMidnightInTheHotlinesZone() {
        LocalDate day = LocalDate.of(2026, 3, 2);

        assertThat(roundTrip(DbTime.startOfDay(day, SHANGHAI).toInstant()))
                .isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
    }

    @Test
    void aDayComesBackAsTheSameDay() {
        LocalDate day = LocalDate.of(2026, 2, 28);

        LocalDate back = jdbc.sql("SELECT CAST(:d AS DATE) AS d").param("d", day)
                .query((rs, n) -> DbTime.date(rs, "d")).single();

        assertThat(back).isEqualTo(day);
    }

    private Instant roundTrip(Instant moment) {
        return jdbc.sql("SELECT CAST(:t AS TIMESTAMP WITH TIME ZONE) AS t").param("t", DbTime.param(moment))
                .query((rs, n) -> DbTime.instant(rs, "t")).list().get(0);
    }
}
