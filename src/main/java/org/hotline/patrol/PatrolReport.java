package org.hotline.patrol;

import java.time.Instant;

import org.hotline.organization.UnitId;

/**
 * One patrol report as it was filed. {@code orderNumber} is set for a report that needed action: the work order it
 * became.
 */
public record PatrolReport(String id, String reporter, String reporterName, UnitId unit, PatrolKind kind,
        String text, String address, Double latitude, Double longitude, boolean needsAction, String orderNumber,
        Instant reportedAt, int photoCount) {
}
