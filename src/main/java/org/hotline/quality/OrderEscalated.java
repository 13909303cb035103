package org.hotline.quality;

import java.time.Instant;

import org.hotline.organization.UnitId;
import org.hotline.workorder.OrderNumber;

/** An order that failed its callback after {@code redoCount} redos went to a supervisor instead of another redo. */
public record OrderEscalated(OrderNumber order, int replySeq, UnitId unit, int redoCount, Instant at, String agent,
        String reason) {
}
