package org.hotline.quality;

import java.time.Instant;
import java.time.LocalDate;

import org.hotline.organization.UnitId;
import org.hotline.workorder.OrderNumber;

/** A unit's leader called back a sampled order and signed the result; {@code onTime} when by the due time. */
public record LeaderSampleSigned(LocalDate day, UnitId unit, OrderNumber order, String leader, Instant at,
        boolean onTime, boolean reached, Boolean resolved, Satisfaction satisfaction) {
}
