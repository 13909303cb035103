package org.hotline.organization.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A whole table held in memory for a short time. Units and categories are read on every intake, so they
 * are not read from the database each time; several instances may share one database, so a snapshot expires
 * after a short time-to-live (30 s by default) to pick up another instance's change, and this instance drops
 * it at once after its own change commits ({@link #invalidate}).
 */
final class CachedSnapshot<T> {

    private record Entry<T>(T value, Instant expiresAt) {
    }

    private final Supplier<T> loader;
    private final Clock clock;
    private final Duration ttl;
    private volatile Entry<T> entry;
    private final AtomicLong generation = new AtomicLong();

    CachedSnapshot(Supplier<T> loader, Clock clock, Duration ttl) {
        this.loader = loader;
        this.clock = clock;
        this.ttl = ttl;
    }

    T get() {
        Entry<T> current = entry;
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.expiresAt())) {
            // two threads may both reload after expiry: harmless, both read committed data. A load that
            // overlapped an invalidation may have read the old state, so it is used once but not kept.
            long before = generation.get();
            current = new Entry<>(loader.get(), now.plus(ttl));
            if (generation.get() == before) {
                entry = current;
            }
        }
        return current.value();
    }

    void invalidate() {
        generation.incrementAndGet();
        entry = null;
    }
}
