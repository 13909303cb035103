package org.hotline.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The retry rule of the outbox on its own: waits that double up to a cap, and an end. */
class AFailedSendIsRetriedWithBackoffUntilItGivesUpTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(10), 6);
    private final Instant failedAt = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void eachFailureWaitsTwiceAsLongAsTheOneBefore() {
        assertThat(schedule.next(1, failedAt)).contains(failedAt.plus(Duration.ofMinutes(1)));
        assertThat(schedule.next(2, failedAt)).contains(failedAt.plus(Duration.ofMinutes(2)));
        assertThat(schedule.next(3, failedAt)).contains(failedAt.plus(Duration.ofMinutes(4)));
        assertThat(schedule.next(4, failedAt)).contains(failedAt.plus(Duration.ofMinutes(8)));
    }

    @Test
    void noWaitIsLongerThanTheLongest() {
        assertThat(schedule.next(5, failedAt)).contains(failedAt.plus(Duration.ofMinutes(10)));
    }

    @Test
    void afterTheLastTryNobodyTriesAgain() {
        assertThat(schedule.next(6, failedAt)).isEmpty();
        assertThat(schedule.next(7, failedAt)).isEmpty();
    }
}
