package org.hotline.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the tests move forward, to let tokens expire without waiting. */
final class MovableClock extends Clock {

    static final Instant START = Instant.parse("2026-03-02T01:00:00Z"); // 09:00 in Shanghai, a Monday

    private volatile Instant now = START;
    private final ZoneId zone = ZoneId.of("Asia/Shanghai");

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    void reset() {
        now = START;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the tests use one zone");
    }
}
