package org.hotline.assessment.internal;

import org.hotline.support.HotlinePostgresTest;

/** The daily assessment's SQL on PostgreSQL, the production database. */
@HotlinePostgresTest
class DailyAssessmentOnPostgresTest extends DailyAssessmentContract {
}
