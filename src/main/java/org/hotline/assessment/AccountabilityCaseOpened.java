package org.hotline.assessment;

import java.time.Instant;
import java.time.YearMonth;

import org.hotline.organization.UnitId;

/**
 * A case was opened: for whatever delivers it to the supervisors and the discipline commission's contact
 * named in {@code addressedTo} (e-mail, SMS, the government's office system).
 */
public record AccountabilityCaseOpened(long caseId, CaseKind kind, UnitId unit, String unitName, YearMonth month,
        String addressedTo, Instant at) {
}
