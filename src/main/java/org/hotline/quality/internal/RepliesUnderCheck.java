package org.hotline.quality.internal;

import org.hotline.workorder.WorkOrderEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Listens to the work order: a reply opens its check; the director's override or a redo that did not come from
 * the loop ends the open one. Runs after the order's change has committed, through Spring Modulith's event
 * publication registry, so a failure here is retried and never undoes the unit's reply.
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

    // Every other close comes from the loop itself (its check is finished already), from intake or from a
    // master order; the condition keeps them out of the publication registry.
    @ApplicationModuleListener(condition = "#root.args[0].overridden()")
    void on(WorkOrderEvent.Closed closed) {
        loop.overridden(closed.order(), closed.at());
    }

    @ApplicationModuleListener
    void on(WorkOrderEvent.SentForRedo redo) {
        loop.supersede(redo.order(), redo.redoCount(), redo.at());
    }
}
