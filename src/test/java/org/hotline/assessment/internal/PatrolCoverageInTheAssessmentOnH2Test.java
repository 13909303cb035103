package org.hotline.assessment.internal;

import org.hotline.support.HotlineIntegrationTest;

@HotlineIntegrationTest
class PatrolCoverageInTheAssessmentOnH2Test extends PatrolCoverageInTheAssessmentContract {
}
