package org.hotline.quality;

import java.time.Instant;

import org.hotline.organization.UnitId;
import org.hotline.workorder.OrderNumber;

/** The checks of one reply ended: closed, redone, escalated or superseded ({@link CheckOutcome}). */
public record ReplyCheckFinished(OrderNumber order, int replySeq, UnitId unit, CheckOutcome outcome, Instant at) {
}
