package org.hotline.hotissue.internal;

import org.hotline.workorder.WorkOrderEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Attaches every new order to its hot issue right after intake: after the order's commit, through Spring
 * Modulith's event publication registry, so a failure here is retried and never slows or undoes intake.
 */
@Component
class OrdersJoinHotIssues {

    private final HotIssueService hotIssues;

    OrdersJoinHotIssues(HotIssueService hotIssues) {
        this.hotIssues = hotIssues;
    }

    @ApplicationModuleListener
    void on(WorkOrderEvent.Registered registered) {
        hotIssues.attach(registered.order().value());
    }
}
