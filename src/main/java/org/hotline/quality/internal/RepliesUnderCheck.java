package org.hotline.quality.internal;

import org.hotline.workorder.WorkOrderEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Listens to the work order: a reply opens its check; a close or redo that did not come from the loop ends the
 * open one. Runs after the order's change has committed, through Spring Modulith's event publication registry,
 * so a failure here is retried and never undoes the unit's reply.
 */
@Component
class RepliesUnderCheck {

    private final QualityLoop loop;

    RepliesUnderCheck(QualityLoop loop) {
        this.loop = loop;
    }

    @ApplicationModuleListener
    void on(WorkOrderEvent.Replied replied) {
        loop.open(replied);
    }

    // The loop's own redos and closes find their check finished already; the conditions keep the intake path
    // (orders answered and closed at intake) and merged followers out of the publication registry.
    @ApplicationModuleListener(condition = "!#root.args[0].answeredAtIntake() && #root.args[0].master() == null")
    void on(WorkOrderEvent.Closed closed) {
        loop.supersede(closed.order(), null, closed.at());
    }

    @ApplicationModuleListener
    void on(WorkOrderEvent.SentForRedo redo) {
        loop.supersede(redo.order(), redo.redoCount(), redo.at());
    }
}
