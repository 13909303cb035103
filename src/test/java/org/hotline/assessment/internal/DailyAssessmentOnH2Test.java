package org.hotline.assessment.internal;

import org.hotline.support.HotlineIntegrationTest;

/** The daily assessment's SQL on H2 in PostgreSQL mode, the embedded default database. */
@HotlineIntegrationTest
class DailyAssessmentOnH2Test extends DailyAssessmentContract {
}
