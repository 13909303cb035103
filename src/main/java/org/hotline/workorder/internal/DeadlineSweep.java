package org.hotline.workorder.internal;

import java.time.Clock;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.hotline.organization.Actor;
import org.hotline.platform.ConflictException;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few minutes, writes off co-units that let their deadline pass (不配合), so that non-cooperation is a
 * recorded fact for supervision and assessment rather than something a report has to guess. Overdue and
 * at-risk orders need no sweep: they are derived from the deadlines whenever someone looks.
 *
 * <p>Runs once across all instances (ShedLock). Each order is its own transaction: one order that fails
 * (changed concurrently by a user) is left for the next run and does not stop the others.
 */
@Component
class DeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);
    private static final int BATCH = 500;

    private final org.hotline.workorder.WorkOrders orders;
    private final WorkOrderService service;
    private final Clock clock;

    DeadlineSweep(org.hotline.workorder.WorkOrders orders, WorkOrderService service, Clock clock) {
        this.orders = orders;
        this.service = service;
        this.clock = clock;
    }

    /** How many co-units were written off in this run; null when another instance holds the lock. */
    @Scheduled(fixedDelayString = "${hotline.deadline.sweep-interval:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "deadline-sweep", lockAtLeastFor = "PT30S")
    public Integer recordNonCooperation() {
        int recorded = 0;
        List<OrderNumber> due = orders.withOverdueCoUnits(clock.instant(), BATCH);
        for (OrderNumber number : due) {
            for (var unit : orders.find(number).orElseThrow().coUnitsOverdue(clock.instant())) {
                try {
                    service.recordNonCooperation(number, unit, Actor.system());
                    recorded++;
                } catch (OptimisticLockingFailureException | ConflictException e) {
                    log.info("Non-cooperation of {} on {} left for the next sweep: {}", unit, number, e.getMessage());
                }
            }
        }
        if (recorded > 0) {
            log.info("Deadline sweep recorded {} non-cooperating co-units", recorded);
        }
        return recorded;
    }
}
