package org.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Times in the hotline's zone, grouped numbers, and the time left on a clock in words. */
class TimesNumbersAndClocksAreWrittenForChineseReadersTest {

    private final ConsoleFormat fmt = new ConsoleFormat("Asia/Shanghai", messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void timesAreShownInTheHotlinesZone() {
        Instant utcEvening = Instant.parse("2026-12-04T01:30:00Z");

        assertThat(fmt.time(utcEvening)).isEqualTo("2026-12-04 09:30");
        assertThat(fmt.date(Instant.parse("2026-12-03T16:30:00Z"))).isEqualTo("2026-12-04");
        assertThat(fmt.iso(Instant.parse("2026-12-04T01:30:00.123Z"))).isEqualTo("2026-12-04T09:30+08:00");
        assertThat(fmt.time(null)).isEqualTo("—");
    }

    @Test
    void numbersAreGroupedAndSharesHaveOneDecimal() {
        assertThat(fmt.number(12345)).isEqualTo("12,345");
        assertThat(fmt.number(150000)).isEqualTo("150,000");
        assertThat(fmt.percent(0.1234)).isEqualTo("12.3%");
        assertThat(fmt.bytes(2_500_000)).isEqualTo("2.4 MB");
    }

    @Test
    void theTimeLeftCountsWorkingDaysOfTheWorkingDaysLength() {
        Duration workingDay = Duration.ofMinutes(450); // 08:30-12:00, 13:30-17:30

        assertThat(fmt.timeLeft(Duration.ofMinutes(450 + 180), workingDay)).isEqualTo("剩余 1 天 3 小时（工作时间）");
        assertThat(fmt.timeLeft(Duration.ofMinutes(450 * 5), workingDay)).isEqualTo("剩余 5 天（工作时间）");
        assertThat(fmt.timeLeft(Duration.ofMinutes(95), workingDay)).isEqualTo("剩余 1 小时 35 分钟（工作时间）");
        assertThat(fmt.timeLeft(Duration.ofSeconds(20), workingDay)).isEqualTo("剩余 1 分钟（工作时间）");
    }

    @Test
    void anOverdueClockSaysHowLongAgoInCalendarTime() {
        assertThat(fmt.overdueBy(Duration.ofHours(5))).isEqualTo("已超期 5 小时");
        assertThat(fmt.overdueBy(Duration.ofHours(53))).isEqualTo("已超期 2 天 5 小时");
        assertThat(fmt.timeLeftElapsed(Duration.ofMinutes(200))).isEqualTo("剩余 3 小时 20 分钟");
    }
}
