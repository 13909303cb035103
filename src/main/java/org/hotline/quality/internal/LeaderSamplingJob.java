package org.hotline.quality.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.hotline.deadline.WorkingCalendar;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, draws the leaders' samples of the day that has just ended. Runs once across all instances
 * (ShedLock); should two runs meet anyway, each unit's draw is written once (see
 * {@link LeaderSamplingService#draw}). A day missed while the platform was down is drawn through the
 * administrator's endpoint.
 */
@Component
class LeaderSamplingJob {

    private final LeaderSamplingService service;
    private final WorkingCalendar calendar;
    private final Clock clock;

    LeaderSamplingJob(LeaderSamplingService service, WorkingCalendar calendar, Clock clock) {
        this.service = service;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The draws of yesterday; null when another instance holds the lock. */
    @Scheduled(cron = "${hotline.quality.leader-sampling.cron:0 30 0 * * *}", zone = "${hotline.zone:Asia/Shanghai}")
    @SchedulerLock(name = "leader-sampling", lockAtLeastFor = "PT1M")
    public List<LeaderSamplingService.DrawResult> drawYesterday() {
        return service.draw(LocalDate.ofInstant(clock.instant(), calendar.zone()).minusDays(1));
    }
}
