package org.hotline.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 日考核 every night: computes yesterday's scores, and again the few days before it
 * ({@code hotline.assessment.look-back-days}), because the facts of past days still move: a reply sent back
 * for redo no longer stood, an approved extension moved a deadline, a leader sample came due. A month that
 * ended within that window is evaluated (ranking, accountability) each of those nights; cases open once, so
 * a night the job missed is made up by the next.
 *
 * <p>Runs once across all instances (ShedLock), like the deadline sweep.
 */
@Component
class NightlyAssessment {

    private final Assessments assessments;
    private final Clock clock;
    private final AssessmentProperties properties;

    NightlyAssessment(Assessments assessments, Clock clock, AssessmentProperties properties) {
        this.assessments = assessments;
        this.clock = clock;
        this.properties = properties;
    }

    /** What the night computed; null when another instance holds the lock. */
    @Scheduled(cron = "${hotline.assessment.nightly-cron:0 30 1 * * *}", zone = "${hotline.zone:Asia/Shanghai}")
    @SchedulerLock(name = "assessment-nightly", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    public Assessments.Recomputed run() {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        return assessments.recompute(yesterday.minusDays(properties.lookBackDays()), yesterday);
    }
}
