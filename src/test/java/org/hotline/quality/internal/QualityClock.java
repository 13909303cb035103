package org.hotline.quality.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in the quality tests: set to Beijing times, so days and working hours can be crossed.
 * Public for the scenarios of other modules that share the quality tests' context.
 */
public final class QualityClock extends Clock {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Where the clock starts, and where a test that moved it far puts it back: Monday 30 November 2026, 09:00. */
    static final Instant START = Instant.parse("2026-11-30T01:00:00Z");

    private volatile Instant now = START;

    public void set(String beijingTime) {
        now = LocalDateTime.parse(beijingTime).atZone(ZONE).toInstant();
    }

    public void reset() {
        now = START;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        QualityClock qualityClock() {
            return new QualityClock();
        }
    }
}
