package org.hotline.assessment.internal;

import org.hotline.support.HotlinePostgresTest;

@HotlinePostgresTest
class PatrolCoverageInTheAssessmentOnPostgresTest extends PatrolCoverageInTheAssessmentContract {
}
