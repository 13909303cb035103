package org.hotline.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed send is tried again: after {@code first}, then twice as long after each further failure, never
 * longer than {@code longest} between tries, and not at all after {@code maxAttempts} tries. A gateway that is
 * down for an hour is not hammered, and a message is not kept trying for ever.
 */
public record RetrySchedule(Duration first, Duration longest, int maxAttempts) {

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("a retry schedule needs a first wait, a longest >= it and one try");
        }
    }

    /** The moment of the next try after {@code attemptsMade} failed tries, or empty when it is time to give up. */
    public Optional<Instant> next(int attemptsMade, Instant failedAt) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = first;
        for (int i = 1; i < attemptsMade && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(failedAt.plus(wait.compareTo(longest) > 0 ? longest : wait));
    }
}
