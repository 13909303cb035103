package org.hotline.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import org.hotline.support.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly job computes yesterday and the look-back days before it, and holds the scheduler lock while it
 * does (and a minute at least): a second instance firing at the same time finds the lock taken and does
 * nothing, so the days are not computed twice and no case is opened twice.
 */
@HotlineIntegrationTest
class TheNightlyJobComputesYesterdayOnceAcrossInstancesTest {

    @Autowired
    NightlyAssessment nightly;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void yesterdayAndTheLookBackDaysOnceWhileTheLockIsHeld() {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);

        Assessments.Recomputed first = nightly.run();
        Assessments.Recomputed second = nightly.run();

        assertThat(first).isNotNull();
        assertThat(first.to()).isEqualTo(yesterday);
        assertThat(first.from()).isEqualTo(yesterday.minusDays(7));
        assertThat(second).as("the lock is still held: the second run does nothing").isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = 'assessment-nightly'",
                Integer.class)).isEqualTo(1);
    }
}
