package org.hotline.dispatch.internal.routing;

import org.hotline.organization.Actor;
import org.hotline.workorder.WorkOrderEvent;
import org.hotline.workorder.WorkOrderService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Completes the dispatch record when a person dispatches an order: the lead they chose and whether it
 * differs from the suggestion. Runs after the dispatch commits, through the event publication registry, so a
 * failure here is retried and never undoes the dispatch.
 */
@Component
class HumanDispatches {

    private final DispatchRecords records;

    HumanDispatches(DispatchRecords records) {
        this.records = records;
    }

    // The condition keeps the AI's own dispatches (nearly every order) out of the event publication
    // registry altogether: a publication is a row written and completed per listener, on the intake path.
    @ApplicationModuleListener(condition = "#root.args[0].actor() != '" + Actor.AI_DISPATCHER + "'")
    void on(WorkOrderEvent.Dispatched event) {
        if (WorkOrderService.AI_DISPATCHER.username().equals(event.actor())) {
            return;
        }
        records.recordHumanDispatch(event.order(), event.leadUnit(), event.actor(), event.at());
    }
}
