package org.hotline.assessment;

import java.time.Instant;

/** An order behind a case: which indicator it moved, and when. */
public record EvidenceOrder(String orderNumber, Indicator indicator, Instant at) {
}
