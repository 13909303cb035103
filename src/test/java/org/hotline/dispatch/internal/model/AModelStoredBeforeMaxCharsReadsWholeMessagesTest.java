package org.hotline.dispatch.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/**
 * {@link FeatureSettings#maxChars} and then the head came after the first models were stored. The settings
 * travel as JSON, so a stored model without them is still read (format 1 is unchanged), and it classifies as it
 * did when it was trained and served: whole messages, no head.
 */
class AModelStoredBeforeMaxCharsReadsWholeMessagesTest {

    private static final List<TrainingExample> HISTORY = List.of(
            new TrainingExample(null, "小区楼顶漏水，物业不给维修", "01"), new TrainingExample(null, "物业公司乱收停车费", "01"),
            new TrainingExample(null, "楼道墙皮脱落，要求物业维修", "01"), new TrainingExample(null, "公司拖欠工资三个月", "02"),
            new TrainingExample(null, "包工头拖欠农民工工资", "02"), new TrainingExample(null, "单位不给交社保", "02"));

    @Test
    void itsSettingsReadMaxCharsAsZeroAndTheWholeMessageCounts() throws IOException {
        LinearTextModel trained = new Trainer(new FeatureSettings(1, 3, 1.0, 2.0, 1, true, 0.3, 0.3, 1.0, 0), 0)
                .train(HISTORY);
        byte[] stored = withSettingsJson(ModelFiles.write(trained),
                "{\"minN\":1,\"maxN\":3,\"subjectWeight\":1.0,\"c\":2.0,\"minDf\":1,\"balanced\":true,"
                        + "\"nbAlpha\":0.3,\"blend\":0.3,\"keep\":1.0}");

        LinearTextModel read = ModelFiles.read(stored);

        assertThat(read.settings().maxChars()).isZero();
        String longMessage = "物业".repeat(600) + "公司拖欠工资";
        assertThat(read.scores(null, longMessage, read.newScratch()))
                .containsExactly(trained.scores(null, longMessage, trained.newScratch()))
                .isNotEqualTo(read.scores(null, "物业".repeat(600), read.newScratch()));
    }

    /** The head came later still: a model stored without it reads no head, and scores as it was trained. */
    @Test
    void itsSettingsReadNoHeadAndItScoresAsItWasTrained() throws IOException {
        LinearTextModel trained = new Trainer(new FeatureSettings(1, 3, 1.0, 2.0, 1, true, 0.3, 0.3, 1.0, 1000), 0)
                .train(HISTORY);
        byte[] stored = withSettingsJson(ModelFiles.write(trained),
                "{\"minN\":1,\"maxN\":3,\"subjectWeight\":1.0,\"c\":2.0,\"minDf\":1,\"balanced\":true,"
                        + "\"nbAlpha\":0.3,\"blend\":0.3,\"keep\":1.0,\"maxChars\":1000}");

        LinearTextModel read = ModelFiles.read(stored);

        assertThat(read.settings().headChars()).isZero();
        assertThat(read.settings().headWeight()).isZero();
        assertThat(read.scores(null, "公司拖欠工资，物业不管", read.newScratch()))
                .containsExactly(trained.scores(null, "公司拖欠工资，物业不管", trained.newScratch()));
    }

    @Test
    void aModelWithAHeadIsReadBackWithIt() {
        FeatureSettings withHead = new FeatureSettings(1, 3, 0.0, 2.0, 1, true, 0.3, 0.3, 1.0, 1000, 8, 0.5);
        LinearTextModel trained = new Trainer(withHead, 0).train(HISTORY);

        LinearTextModel read = ModelFiles.read(ModelFiles.write(trained));

        assertThat(read.settings()).isEqualTo(withHead);
        assertThat(read.scores(null, "公司拖欠工资，物业不管", read.newScratch()))
                .containsExactly(trained.scores(null, "公司拖欠工资，物业不管", trained.newScratch()));
    }

    /** The same model file with other settings JSON: what a model stored by an earlier version looks like. */
    private static byte[] withSettingsJson(byte[] file, String json) throws IOException {
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(file)));
                DataOutputStream out = new DataOutputStream(new GZIPOutputStream(rewritten))) {
            out.writeInt(in.readInt());
            out.writeInt(in.readInt());
            in.readFully(new byte[in.readInt()]);
            byte[] settings = json.getBytes(StandardCharsets.UTF_8);
            out.writeInt(settings.length);
            out.write(settings);
            in.transferTo(out);
        }
        return rewritten.toByteArray();
    }
}
