package org.hotline.dispatch.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline.dispatch.DispatchAdvisor;
import org.hotline.support.RealData;
import org.junit.jupiter.api.Test;

/**
 * Orders are dispatched without a person when the model's confidence reaches the threshold, so the confidence
 * must mean what it says. Trained (and calibrated) on four fifths of the real messages and asked about the
 * fifth: the gap between confidence and accuracy is small, and what the default threshold of 0.80 would send
 * automatically is right far more often than 8 times in 10. The same figures are printed by
 * {@code dispatch-eval --train A.csv --test B.csv}.
 */
@RealData.Uses
class TheConfidenceIsHonestOnMessagesTheModelHasNotSeenTest {

    @Test
    void confidenceMatchesAccuracyAndTheAutomaticShareIsRight() throws Exception {
        List<TrainingExample> history = HistoryCsv.read(RealData.file("messages_labelled.csv"));
        List<List<TrainingExample>> folds = Folds.stratified(history, 5, 20261204L);
        LinearTextModel model = new Trainer(FeatureSettings.defaults()).train(Folds.allBut(folds, 0));
        Calibration held = DispatchEval.calibration(model, folds.get(0));
        held.print(System.out, DispatchAdvisor.DEFAULT_AUTO_THRESHOLD);

        assertThat(model.temperature()).as("a temperature was fitted").isNotEqualTo(1.0);
        assertThat(held.expectedError()).as("expected calibration error").isLessThanOrEqualTo(0.05);
        assertThat(held.accuracyAtLeast(DispatchAdvisor.DEFAULT_AUTO_THRESHOLD)).as("accuracy of what dispatches automatically")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(held.shareAtLeast(DispatchAdvisor.DEFAULT_AUTO_THRESHOLD)).as("share dispatched automatically")
                .isGreaterThanOrEqualTo(0.70);
    }
}
