package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A search date is the whole day in the hotline's zone ({@code from} its first moment, {@code to} the next day's,
 * as the exclusive end of the range); a timestamp with its offset is taken as written; anything outside 2000 to
 * 2100 or unreadable is refused naming the parameter, in Chinese.
 */
class SearchDatesAreWholeDaysInTheHotlinesZoneTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aDateIsTheWholeDayInTheHotlinesZone() {
        assertThat(TimeParameters.instant("from", "2026-12-01", TimeParameters.Edge.START_OF_DAY, SHANGHAI))
                .isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(TimeParameters.instant("to", "2026-12-01", TimeParameters.Edge.END_OF_DAY, SHANGHAI))
                .isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({ "2026-12-01T08:00:00+08:00, 2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z, 2026-12-01T00:00:00Z",
            "2026-12-01T00:00:00.123456Z, 2026-12-01T00:00:00.123456Z" })
    void aTimestampWithAnOffsetIsTakenAsWritten(String text, String instant) {
        assertThat(TimeParameters.instant("from", text, TimeParameters.Edge.START_OF_DAY, SHANGHAI))
                .isEqualTo(Instant.parse(instant));
        assertThat(TimeParameters.instant("to", text, TimeParameters.Edge.END_OF_DAY, SHANGHAI))
                .isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1999-12-31", "2101-01-01", "1999-12-31T23:59:59Z", "2101-01-01T00:00:00+08:00",
            "+1000000000-01-01T00:00:00Z", "-999999999-01-01", "0001-01-01" })
    void datesOutsideTwoThousandToTwentyOneHundredAreRefused(String text) {
        assertThatThrownBy(() -> TimeParameters.instant("from", text, TimeParameters.Edge.START_OF_DAY, SHANGHAI))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("from");
                    assertThat(e.getMessage()).containsPattern("\\p{IsHan}").doesNotContain("Instant");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = { "yesterday", "2026-13-01", "2026-02-30", "2026-12-01T08:00:00", "2026/12/01",
            "20261201" })
    void unreadableDatesAreRefusedNamingTheParameter(String text) {
        assertThatThrownBy(() -> TimeParameters.instant("to", text, TimeParameters.Edge.END_OF_DAY, SHANGHAI))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("to");
                    assertThat(e.getMessage()).contains("2026-12-01");
                });
    }

    @Test
    void theStatisticsDatesAndMonthsKeepToTheSameRange() {
        assertThat(TimeParameters.date("from", "2000-01-01")).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(TimeParameters.date("to", "2100-12-31")).isEqualTo(LocalDate.of(2100, 12, 31));
        assertThatThrownBy(() -> TimeParameters.date("from", "1999-12-31")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TimeParameters.month("month", "-99999-01")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TimeParameters.month("month", "2101-01")).isInstanceOf(InvalidInputException.class);
        assertThat(TimeParameters.date("from", " ")).isNull();
    }
}
