package org.hotline.quality;

import java.time.Instant;

import org.hotline.organization.UnitId;
import org.hotline.workorder.OrderNumber;

/** A review level of a reply was decided (审核通过 or 驳回). */
public record ReviewDecided(OrderNumber order, int replySeq, UnitId unit, ReviewLevel level, boolean approved,
        String reviewer, Instant at, String reason) {
}
