package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The guard against guessing: failures count per key for a window; at the limit the key waits. */
class FailedAttemptsAreLimitedPerKeyInASlidingWindowTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T01:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private void pass(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void theTenthFailureBlocksTheKeyAndOnlyThatKey() {
        AttemptLimiter limiter = new AttemptLimiter(10, Duration.ofMinutes(15), 1000, clock);
        for (int i = 0; i < 9; i++) {
            limiter.recordFailure("ip:1.2.3.4", "order:A");
        }
        assertThat(limiter.isBlocked("ip:1.2.3.4")).isFalse();

        limiter.recordFailure("ip:1.2.3.4", "order:A");

        assertThat(limiter.isBlocked("ip:1.2.3.4")).isTrue();
        assertThat(limiter.isBlocked("order:A")).isTrue();
        assertThat(limiter.isBlocked("ip:5.6.7.8", "order:B")).isFalse();
        assertThat(limiter.isBlocked("ip:5.6.7.8", "order:A")).as("any blocked key blocks the attempt").isTrue();
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        AttemptLimiter limiter = new AttemptLimiter(3, Duration.ofMinutes(15), 1000, clock);
        limiter.recordFailure("k");
        pass(Duration.ofMinutes(10));
        limiter.recordFailure("k");
        limiter.recordFailure("k");
        assertThat(limiter.isBlocked("k")).isTrue();

        pass(Duration.ofMinutes(5).plusSeconds(1)); // the first failure leaves the window

        assertThat(limiter.isBlocked("k")).isFalse();
    }

    @Test
    void memoryStaysBoundedWhateverTheNumberOfKeys() {
        AttemptLimiter limiter = new AttemptLimiter(2, Duration.ofMinutes(15), 100, clock);
        for (int i = 0; i < 10_000; i++) {
            limiter.recordFailure("ip:" + i);
        }
        limiter.recordFailure("last");
        limiter.recordFailure("last");

        assertThat(limiter.isBlocked("last")).isTrue();
    }

    @Test
    void aLimiterNeedsSomethingToLimit() {
        assertThatThrownBy(() -> new AttemptLimiter(0, Duration.ofMinutes(1), 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttemptLimiter(1, Duration.ZERO, 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
