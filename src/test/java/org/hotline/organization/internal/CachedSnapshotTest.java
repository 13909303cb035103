package org.hotline.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Cached units and categories are re-read after the time-to-live, or at once after a local change. */
class CachedSnapshotTest {

    private final AtomicInteger reads = new AtomicInteger();
    private Instant now = Instant.parse("2026-03-02T01:00:00Z");
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
            return now;
        }
    };
    private final CachedSnapshot<Integer> snapshot =
            new CachedSnapshot<>(reads::incrementAndGet, clock, Duration.ofSeconds(30));

    @Test
    void withinTheTimeToLiveTheDatabaseIsReadOnce() {
        assertThat(snapshot.get()).isEqualTo(1);
        now = now.plusSeconds(29);
        assertThat(snapshot.get()).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void afterTheTimeToLiveAnotherInstancesChangeIsPickedUp() {
        snapshot.get();
        now = now.plusSeconds(30);
        assertThat(snapshot.get()).isEqualTo(2);
    }

    @Test
    void aLocalChangeDropsTheSnapshotAtOnce() {
        snapshot.get();
        snapshot.invalidate();
        assertThat(snapshot.get()).isEqualTo(2);
    }
}
