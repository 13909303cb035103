package org.hotline.triage.internal;

import org.hotline.organization.Actor;
import org.hotline.workorder.TriageOutcome;
import org.hotline.workorder.WorkOrderEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Completes the triage record of an order that waited for a person: a dispatcher settled it (referred,
 * redirected, recorded invalid) or dispatched it. Runs after that change commits, through the event publication
 * registry, so a failure here is retried and never undoes the person's decision. Decisions made at intake are
 * recorded with the order and need nothing here.
 */
@Component
class PeopleDecide {

    private final TriageRecords records;

    PeopleDecide(TriageRecords records) {
        this.records = records;
    }

    @ApplicationModuleListener(condition = "!#root.args[0].atIntake()")
    void on(WorkOrderEvent.Settled settled) {
        records.decided(settled.order(), settled.outcome(), settled.route(), settled.actor(), settled.at());
    }

    // The AI dispatches only orders triage did not hold; the condition keeps its dispatches (nearly every order)
    // out of the event publication registry altogether.
    @ApplicationModuleListener(condition = "#root.args[0].actor() != '" + Actor.AI_DISPATCHER + "'")
    void on(WorkOrderEvent.Dispatched dispatched) {
        records.decided(dispatched.order(), TriageOutcome.DISPATCH, null, dispatched.actor(), dispatched.at());
    }
}
