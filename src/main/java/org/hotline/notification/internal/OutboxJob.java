package org.hotline.notification.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.hotline.notification.Notifications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends what is due in the outbox every few seconds, once across all instances (ShedLock). */
@Component
class OutboxJob {

    private final Notifications notifications;

    OutboxJob(Notifications notifications) {
        this.notifications = notifications;
    }

    @Scheduled(fixedDelayString = "${hotline.notification.poll-interval:PT10S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "notification-outbox", lockAtMostFor = "PT5M")
    public void send() {
        notifications.deliverDue();
    }
}
