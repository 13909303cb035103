package org.hotline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.hotline.triage.internal.LabelledSet;
import org.hotline.triage.internal.LabelledSet.Labelled;
import org.hotline.triage.internal.TriageEvaluation;
import org.hotline.workorder.TriageOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The triage floors on the sets the team wrote (src/test/resources/triage): labelled.csv, on which the rules
 * were developed, and labelled-holdout.csv, written with it before any rule and kept apart. The same figures are
 * printed by {@code java -jar target/hotline.jar triage-eval}. Emergencies must almost never be missed; an appeal
 * labelled for dispatch must never be suggested invalid or an emergency.
 */
class TriageMeetsItsFloorsOnTheTeamsLabelledSetsTest {

    @ParameterizedTest
    @ValueSource(strings = { "labelled.csv", "labelled-holdout.csv" })
    void theFloorsHold(String set) throws Exception {
        List<Labelled> items = LabelledSet.read(Path.of("src/test/resources/triage", set));
        TriageEvaluation e = TriageEvaluation.of(items, t -> TriageFixture.onThePhone(t));

        assertThat(items).hasSizeGreaterThanOrEqualTo(150);
        assertThat(e.recall(TriageOutcome.EMERGENCY)).as("emergency recall").isGreaterThanOrEqualTo(0.95);
        assertThat(e.precision(TriageOutcome.EMERGENCY)).as("emergency precision").isGreaterThanOrEqualTo(0.95);
        assertThat(e.precision(TriageOutcome.INVALID)).as("invalid precision").isGreaterThanOrEqualTo(0.97);
        assertThat(e.recall(TriageOutcome.INVALID)).as("invalid recall").isGreaterThanOrEqualTo(0.8);
        assertThat(e.precision(TriageOutcome.OTHER_CHANNEL)).as("other channel precision").isGreaterThanOrEqualTo(0.9);
        assertThat(e.recall(TriageOutcome.OTHER_CHANNEL)).as("other channel recall").isGreaterThanOrEqualTo(0.9);
        assertThat(e.targetAccuracy()).as("service, route and reason").isGreaterThanOrEqualTo(0.95);
        assertThat(e.confusion(TriageOutcome.DISPATCH, TriageOutcome.INVALID)).as("valid appeals called invalid")
                .isZero();
        assertThat(e.confusion(TriageOutcome.DISPATCH, TriageOutcome.EMERGENCY)).as("valid appeals called emergencies")
                .isZero();
        assertThat(e.flaggedShareOfDispatch()).as("valid appeals flagged").isLessThanOrEqualTo(0.1);
    }
}
