package org.hotline.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.hotline.deadline.CalendarDeadlines;
import org.hotline.deadline.Deadlines;
import org.hotline.deadline.InvalidCalendarException;
import org.hotline.deadline.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The module's beans come up from hotline.deadline / hotline.calendar, and a bad calendar file stops startup. */
class DeadlineConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(DeadlineConfiguration.class);

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Test
    void defaultsNeedNoConfiguration() {
        context.run(ctx -> {
            assertThat(ctx).hasSingleBean(WorkingCalendar.class).hasSingleBean(Deadlines.class);
            assertThat(ctx.getBean(Deadlines.class)).isInstanceOf(CalendarDeadlines.class);
            assertThat(ctx.getBean(WorkingCalendar.class).yearsWithData()).contains(2025, 2026);
            assertThat(ctx.getBean(Deadlines.class).handleBy(shanghai("2026-02-13T15:00"), false)).isEqualTo(shanghai("2026-02-27T15:00"));
        });
    }

    @Test
    void propertiesOverrideTheLimitsAndTheHours() {
        context.withPropertyValues(
                        "hotline.deadline.working-hours=09:00-12:00,14:00-18:00",
                        "hotline.deadline.handle-days=7",
                        "hotline.deadline.urgent-acknowledge=1h",
                        "hotline.deadline.max-extension-days=15",
                        "hotline.deadline.at-risk-share=0.5")
                .run(ctx -> {
                    Deadlines deadlines = ctx.getBean(Deadlines.class);
                    assertThat(deadlines.handleBy(shanghai("2026-03-02T09:00"), false)).isEqualTo(shanghai("2026-03-10T18:00"));
                    assertThat(deadlines.acknowledgeBy(shanghai("2026-03-07T23:30"), true)).isEqualTo(shanghai("2026-03-08T00:30"));
                    assertThat(deadlines.maxExtensionDays()).isEqualTo(15);
                    assertThat(deadlines.atRiskFrom(shanghai("2026-03-02T09:00"), shanghai("2026-03-03T18:00"))).isEqualTo(shanghai("2026-03-02T18:00"));
                    // Unset keys keep their defaults.
                    assertThat(deadlines.returnRequestBy(shanghai("2026-03-02T09:00"))).isEqualTo(shanghai("2026-03-03T18:00"));
                });
    }

    @Test
    void anInvalidFileInTheExtraDirectoryStopsStartup(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("CN-2027.yaml"), """
                year: 2027
                source: test
                holidays: []
                makeUpWorkdays: [2027-02-30]
                """);
        context.withPropertyValues("hotline.calendar.extra-dir=" + dir).run(ctx -> {
            assertThat(ctx).hasFailed();
            Throwable cause = ctx.getStartupFailure();
            while (cause != null && !(cause instanceof InvalidCalendarException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("an InvalidCalendarException among the causes of " + ctx.getStartupFailure())
                    .isNotNull()
                    .hasMessageContaining("CN-2027.yaml")
                    .hasMessageContaining("makeUpWorkdays[0]");
        });
    }
}
