package org.hotline.quality;

import java.time.Instant;

/**
 * What a reply check asks of the work order after a decision or a callback. The check decides; the order is
 * changed only through the work-order service, which applies its own rules (the quality loop never sets a
 * status).
 */
public sealed interface NextStep {

    /** Nothing to do to the order: the reply waits for this review level. */
    record AwaitReview(ReviewLevel level) implements NextStep {
    }

    /** Nothing to do to the order: the reply waits for a callback due at this moment. */
    record AwaitCallback(Instant due) implements NextStep {
    }

    /** 办结 */
    record Close(String note) implements NextStep {
    }

    /** 重办 */
    record Redo(String reason) implements NextStep {
    }

    /** 转督办: the order stays replied and a supervisor takes it over. */
    record Escalate(String reason) implements NextStep {
    }
}
