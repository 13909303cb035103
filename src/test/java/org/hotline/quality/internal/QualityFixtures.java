package org.hotline.quality.internal;

import org.hotline.deadline.WorkingCalendar;
import org.hotline.quality.CallbackRetries;
import org.hotline.quality.RedoEscalation;
import org.hotline.workorder.WorkOrderFixture;

/** The configured quality rules, for tests that drive a reply check by hand. */
final class QualityFixtures {

    static final CallbackRetries RETRIES = new CallbackRetries(3, 1, WorkingCalendar.china(WorkOrderFixture.ZONE));
    static final RedoEscalation ESCALATION = new RedoEscalation(2);

    private QualityFixtures() {
    }
}
