package org.hotline.dispatch.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.hotline.dispatch.DispatchAdvisor;
import org.hotline.dispatch.internal.routing.DemoOrganization;
import org.hotline.support.RealData;
import org.junit.jupiter.api.Test;

/**
 * A fresh install routes real appeals: the model that ships with the project, deciding as the server decides,
 * on the 340 real messages labelled by unit (docs/unit-labelling.md), which no model was trained on. The floors
 * are a little below what {@code dispatch-eval --units} measured when the model was made (0.668 of the lead
 * units right; 32% dispatched automatically, 86% of them rightly; calibration error 0.10): a change that loses
 * more fails here.
 */
@RealData.Uses
class TheShippedModelRoutesRealAppealsByUnitTest {

    @Test
    void theLeadUnitIsRightForTwoAppealsInThreeAndWhatGoesAutomaticallyIsRightFarMoreOften() throws Exception {
        Path data = RealData.file("messages_unlabelled.csv").getParent();
        List<UnitEval.Case> cases = UnitEval.handLabelled(Path.of("src/test/resources/dispatch/unit-labels.csv"), data);
        DemoOrganization org = DemoOrganization.DONGCHANGFU;

        UnitEval.Result r = UnitEval.evaluate(ShippedModel.advisor(), new UnitLabels(org.directory(), org.categories()),
                cases, DispatchAdvisor.DEFAULT_AUTO_THRESHOLD, System.out);

        assertThat(r.n()).isEqualTo(340);
        assertThat(r.accuracy()).as("unit accuracy").isGreaterThanOrEqualTo(0.62);
        assertThat(r.autoAccuracy()).as("accuracy of what dispatches automatically").isGreaterThanOrEqualTo(0.80);
        assertThat(r.autoShare()).as("share dispatched automatically").isGreaterThanOrEqualTo(0.25);
        assertThat(r.calibrationError()).as("calibration error of the unit confidence").isLessThanOrEqualTo(0.15);
    }
}
