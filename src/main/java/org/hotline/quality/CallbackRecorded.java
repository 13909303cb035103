package org.hotline.quality;

import java.time.Instant;

import org.hotline.organization.UnitId;
import org.hotline.workorder.OrderNumber;

/**
 * A callback attempt was recorded (the row is in {@code callback_attempt}): for the assessment's resolution and
 * satisfaction rates of {@code unit}, whose reply {@code replySeq} the citizen was asked about.
 */
public record CallbackRecorded(OrderNumber order, int replySeq, UnitId unit, int attempt, Instant at, String agent,
        boolean reached, Boolean resolved, Satisfaction satisfaction) {
}
