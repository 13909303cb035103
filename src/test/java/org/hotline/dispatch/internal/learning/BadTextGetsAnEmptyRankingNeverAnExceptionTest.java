package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.dispatch.Classification;
import org.hotline.dispatch.LabelKind;
import org.hotline.dispatch.internal.model.FeatureSettings;
import org.hotline.dispatch.internal.model.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry as Classifier: text with nothing to go on gets an empty ranking, anything else the top 3. */
class BadTextGetsAnEmptyRankingNeverAnExceptionTest {

    private static final ModelRegistry REGISTRY = new ModelRegistry(null, null, event -> { });

    @BeforeAll
    static void serveADemoModel() {
        REGISTRY.install(7, LabelKind.CATEGORY,
                new Trainer(FeatureSettings.defaults()).train(LearningFixture.demoExamples("07", "09", "13")));
    }

    @Test
    void withoutAModelEveryAnswerIsEmptySoTheOrderGoesToAHuman() {
        Classification c = new ModelRegistry(null, null, event -> { }).classify("路灯不亮", "柳园路的路灯都不亮了");

        assertThat(c.isEmpty()).isTrue();
        assertThat(c.modelVersion()).isNull();
    }

    @Test
    void emptyWhitespaceAndEmojiOnlyTextGetAnEmptyRanking() {
        for (String text : new String[] { null, "", "   \n\t", "😡😡😡👎", "！！！？？？" }) {
            Classification c = REGISTRY.classify(text, text);
            assertThat(c.isEmpty()).as("text %s", text).isTrue();
            assertThat(c.modelVersion()).isEqualTo("7");
            assertThat(c.labelKind()).isEqualTo(LabelKind.CATEGORY);
        }
    }

    @Test
    void ordinaryTextGetsEveryLabelBestFirstAndEachIsExplainedOnRequest() {
        String text = "柳园路的路灯这几天都不亮，晚上走路很危险。";
        Classification c = REGISTRY.classify("路灯不亮", text);

        // every label with its probability: the decision adds up those that go to the same unit
        assertThat(c.ranked()).hasSize(REGISTRY.active().orElseThrow().model().labels().length);
        assertThat(c.best().label()).isEqualTo("09.05.01");
        assertThat(c.ranked().get(0).probability()).isGreaterThanOrEqualTo(c.ranked().get(1).probability());
        // the hot path reads the text once; the words are read for a person on request
        assertThat(c.ranked()).allSatisfy(s -> assertThat(s.evidence()).isEmpty());

        Classification explained = REGISTRY.explain("路灯不亮", text, c);
        assertThat(explained.ranked()).extracting(s -> s.label())
                .containsExactlyElementsOf(c.ranked().stream().map(s -> s.label()).toList());
        assertThat(explained.best().evidence()).isNotEmpty().allSatisfy(w -> assertThat(text).contains(w));
    }

    @Test
    void aClassificationByAnotherModelVersionIsNotExplainedByThisOne() {
        Classification byAnother = new Classification("6", LabelKind.CATEGORY,
                java.util.List.of(new org.hotline.dispatch.Suggestion("09.05.01", 0.9, java.util.List.of())));

        assertThat(REGISTRY.explain("", "柳园路的路灯都不亮了", byAnother)).isSameAs(byAnother);
    }

    @Test
    void longTraditionalAndMixedLanguageTextStillGetAnAnswer() {
        String longText = "兴华小区停水了，".repeat(600);
        assertThat(longText.length()).isGreaterThan(4000);

        assertThat(REGISTRY.classify("", longText).best().label()).isEqualTo("13.01.01");
        int labels = REGISTRY.active().orElseThrow().model().labels().length;
        assertThat(REGISTRY.classify("", "柳園路的路燈都不亮了").ranked()).hasSize(labels);
        assertThat(REGISTRY.classify("", "the street light 路灯 on 柳园路 is broken!!").ranked()).hasSize(labels);
    }
}
