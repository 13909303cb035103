package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.hotline.dispatch.internal.model.FeatureSettings;
import org.hotline.dispatch.internal.model.LinearTextModel;
import org.hotline.dispatch.internal.model.ModelFiles;
import org.hotline.dispatch.internal.model.Trainer;
import org.hotline.dispatch.internal.model.TrainingExample;
import org.junit.jupiter.api.Test;

/** Model serialisation: what is stored in dispatch_model is the model that was trained, to the last bit. */
class AModelReadBackFromBytesPredictsTheSameTest {

    private static final List<TrainingExample> EXAMPLES = LearningFixture.demoExamples("01", "05", "09", "13");

    @Test
    void theReadModelRanksTheSameLabelsWithTheSameProbabilitiesAndEvidence() {
        LinearTextModel trained = new Trainer(FeatureSettings.defaults()).train(EXAMPLES);

        LinearTextModel read = ModelFiles.read(ModelFiles.write(trained));

        assertThat(read.labels()).containsExactly(trained.labels());
        assertThat(read.temperature()).isEqualTo(trained.temperature());
        assertThat(read.settings()).isEqualTo(trained.settings());
        LinearTextModel.Scratch a = trained.newScratch();
        LinearTextModel.Scratch b = read.newScratch();
        for (String[] message : new String[][] {
                { "反映小区路灯不亮", "柳园街道龙湾社区的路灯最近都不亮，晚上走路很危险。" },
                { "", "楼上住户每天深夜拖拉家具，噪音扰民" },
                { "停水", "兴华小区今天上午停水，也没有提前通知" },
                { "", "" } }) {
            assertThat(read.classify(message[0], message[1], 3, b))
                    .isEqualTo(trained.classify(message[0], message[1], 3, a));
            assertThat(read.scores(message[0], message[1], b)).containsExactly(trained.scores(message[0], message[1], a));
        }
    }

    @Test
    void bytesThatAreNotAModelAreRefusedWithAReason() {
        byte[] data = ModelFiles.write(new Trainer(FeatureSettings.defaults(), 0).train(EXAMPLES));
        byte[] truncated = Arrays.copyOf(data, data.length / 2);

        assertThatThrownBy(() -> ModelFiles.read(truncated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> ModelFiles.read("not a model".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
