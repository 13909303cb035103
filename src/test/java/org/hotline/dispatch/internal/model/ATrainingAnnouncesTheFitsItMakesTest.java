package org.hotline.dispatch.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A training's progress is counted in linear fits, so the number it announces before it starts must be the
 * number it makes: also when a label is so rare that some calibration parts never see it, and when a part
 * has only two labels (one plain SVM instead of one per label).
 */
class ATrainingAnnouncesTheFitsItMakesTest {

    private static List<TrainingExample> history(int rare) {
        List<TrainingExample> out = new ArrayList<>();
        String[] common = { "小区物业不给维修漏水的屋顶", "公司拖欠工资三个月", "培训机构拒绝退学费" };
        for (int i = 0; i < 12; i++) {
            for (int c = 0; c < common.length; c++) {
                out.add(new TrainingExample(null, common[c] + i, "0" + (c + 1)));
            }
        }
        for (int i = 0; i < rare; i++) {
            out.add(new TrainingExample(null, "路灯不亮" + i, "04"));
        }
        return out;
    }

    @Test
    void theFitsAnnouncedAreTheFitsMadeWithARareLabelAndWithCalibration() {
        for (int rare : new int[] { 1, 2, 7 }) {
            for (int calibrationFolds : new int[] { 0, 3 }) {
                List<TrainingExample> h = history(rare);
                AtomicInteger made = new AtomicInteger();
                Trainer trainer = new Trainer(FeatureSettings.defaults(), calibrationFolds)
                        .reportingTo(calibrating -> made.incrementAndGet());

                trainer.train(h);

                assertThat(made.get()).as("%d rare examples, %d calibration folds", rare, calibrationFolds)
                        .isEqualTo(trainer.fits(h)).isPositive();
            }
        }
    }

    @Test
    void twoLabelsMakeOnePlainFitAndOneLabelNone() {
        List<TrainingExample> two = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            two.add(new TrainingExample(null, "公司拖欠工资" + i, "02"));
            two.add(new TrainingExample(null, "物业不给维修" + i, "01"));
        }
        assertThat(new Trainer(FeatureSettings.defaults(), 0).fits(two)).isEqualTo(1);
        assertThat(new Trainer(FeatureSettings.defaults(), 0).fits(two.subList(0, 1))).isZero();
    }
}
