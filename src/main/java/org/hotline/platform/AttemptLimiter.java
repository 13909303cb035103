package org.hotline.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed attempts per key (a client address, an order number) in a sliding window and says when a key
 * has had enough: the guard of anything a stranger could guess at, such as the citizens' case lookup (order
 * number plus four digits of a phone) or a public channel's submissions. Only failures count, so a citizen who
 * gets it right is never slowed down; a success does not wipe the count either, or a guesser could mix in one
 * lookup they know to start afresh.
 *
 * <p>The counts are kept in this instance's memory: behind a load balancer each instance counts on its own, so
 * a guesser spread over n instances gets n times the allowance, still far too few tries to matter. Memory is
 * bounded: at {@code maxKeys} keys, those whose window has passed are dropped, and if all are still live (tens
 * of thousands of failures within one window) all are forgotten rather than let memory grow.
 */
public final class AttemptLimiter {

    private final int maxFailures;
    private final Duration window;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public AttemptLimiter(int maxFailures, Duration window, int maxKeys, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("an attempt limiter needs at least one try, a window and room for a key");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Whether any of the keys has used up its failures in the current window. */
    public boolean isBlocked(String... keys) {
        Instant since = clock.instant().minus(window);
        for (String key : keys) {
            Deque<Instant> times = failures.get(key);
            if (times != null) {
                synchronized (times) {
                    prune(times, since);
                    if (times.size() >= maxFailures) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Counts one failure against each key. */
    public void recordFailure(String... keys) {
        Instant now = clock.instant();
        if (failures.size() >= maxKeys) {
            evict(now.minus(window));
        }
        for (String key : keys) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, now.minus(window));
                times.addLast(now);
                while (times.size() > maxFailures) {
                    times.removeFirst(); // more than the limit tells nothing more
                }
            }
        }
    }

    /** The window: how long a blocked key waits, at most, until its oldest failure no longer counts. */
    public Duration window() {
        return window;
    }

    private void evict(Instant since) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), since);
                return e.getValue().isEmpty();
            }
        });
        if (failures.size() >= maxKeys) {
            // still full of live counts (a flood of distinct keys): forget them rather than grow without bound
            failures.clear();
        }
    }

    private static void prune(Deque<Instant> times, Instant since) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.removeFirst();
        }
    }
}
