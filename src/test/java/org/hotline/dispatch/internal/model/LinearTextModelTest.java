package org.hotline.dispatch.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The model on a small history written for the test: what it learns, how it scores, what it says. */
class LinearTextModelTest {

    private static final String[][] HISTORY = {
            { "01", "小区楼顶漏水，物业不给维修" }, { "01", "物业公司乱收停车费" }, { "01", "楼道墙皮脱落，要求物业维修" },
            { "01", "开发商延期交房" }, { "01", "小区电梯经常坏，物业不管" }, { "01", "老旧小区改造进度太慢" },
            { "02", "公司拖欠工资三个月" }, { "02", "包工头拖欠农民工工资" }, { "02", "单位不给交社保" },
            { "02", "养老保险转移接续怎么办理" }, { "02", "工伤认定迟迟没有结果" }, { "02", "被公司无故辞退没有补偿" },
            { "03", "培训机构不退学费" }, { "03", "学校乱收补课费" }, { "03", "孩子入学学区划分不合理" },
            { "03", "幼儿园收费太高" }, { "03", "学校食堂饭菜质量差" }, { "03", "老师体罚学生" } };

    private static List<TrainingExample> history() {
        List<TrainingExample> out = new ArrayList<>();
        for (String[] row : HISTORY) {
            out.add(new TrainingExample(null, row[1], row[0]));
        }
        return out;
    }

    private final LinearTextModel model = new Trainer(new FeatureSettings(1, 3, 1.0, 2.0, 1, true, 0.3, 0.3, 1.0, 0), 3)
            .train(history());

    @Test
    void itLearnsWhereMessagesBelong() {
        LinearTextModel.Scratch scratch = model.newScratch();
        assertThat(model.classify(null, "物业不给维修漏水的屋顶", 3, scratch).get(0).label()).isEqualTo("01");
        assertThat(model.classify(null, "老板拖欠我两个月工资", 3, scratch).get(0).label()).isEqualTo("02");
        assertThat(model.classify(null, "培训班拒绝退费", 3, scratch).get(0).label()).isEqualTo("03");
    }

    @Test
    void probabilitiesAreRankedAndSumToAtMostOne() {
        List<LinearTextModel.Guess> guesses = model.classify(null, "公司拖欠工资", 3, model.newScratch());
        assertThat(guesses).hasSize(3);
        assertThat(guesses.get(0).probability()).isGreaterThanOrEqualTo(guesses.get(1).probability());
        assertThat(guesses.get(1).probability()).isGreaterThanOrEqualTo(guesses.get(2).probability());
        // what the familiarity takes off a message the model knows little of is "none of these"
        assertThat(guesses.stream().mapToDouble(LinearTextModel.Guess::probability).sum()).isBetween(0.0, 1.0 + 1e-9);
    }

    /** The words behind each of the ranked labels, as a dispatcher sees them. */
    private List<List<String>> evidenceOf(String text, List<LinearTextModel.Guess> ranked) {
        return model.evidence(text, ranked.stream().mapToInt(LinearTextModel.Guess::index).toArray(),
                LinearTextModel.EVIDENCE_WORDS);
    }

    @Test
    void theEvidenceIsWordsTheCitizenWrote() {
        String text = "包工头拖欠工资不给";
        List<String> best = evidenceOf(text, model.classify(null, text, 1, model.newScratch())).get(0);
        assertThat(best).isNotEmpty().allSatisfy(word -> assertThat(text).contains(word));
    }

    @Test
    void noEvidenceWordJoinsCharactersThatPunctuationKeepsApart() {
        String text = "拖欠工资，维修，工资拖欠";
        List<LinearTextModel.Guess> ranked = model.classify(null, text, 3, model.newScratch());
        assertThat(evidenceOf(text, ranked)).allSatisfy(words -> assertThat(words)
                .allSatisfy(word -> assertThat(text).contains(word)));
        // the normaliser drops the commas, so 资维 and 修工 are n-grams the model reads, never words it shows
        assertThat(evidenceOf(text, ranked).stream().flatMap(List::stream)).doesNotContain("资维", "修工", "资维修");
    }

    @Test
    void everyRankedLabelGetsItsOwnEvidenceWithoutOverlappingWords() {
        String text = "小区物业拖欠维修费用，学校门口每天放学都堵车";
        List<LinearTextModel.Guess> ranked = model.classify(null, text, 3, model.newScratch());
        List<List<String>> evidence = evidenceOf(text, ranked);

        assertThat(evidence).hasSize(3);
        assertThat(evidence.get(0)).isNotEmpty();
        assertThat(evidence.get(1)).isNotEmpty();
        for (List<String> words : evidence) {
            assertThat(words).hasSizeLessThanOrEqualTo(LinearTextModel.EVIDENCE_WORDS)
                    .allSatisfy(word -> assertThat(text).contains(word))
                    .allSatisfy(word -> assertThat(word.codePointCount(0, word.length())).isGreaterThan(1));
            for (String a : words) {
                for (String b : words) {
                    if (a != b) {
                        assertThat(a).doesNotContain(b);
                    }
                }
            }
        }
        // each label is explained by the words that push it, not by the best label's words again
        assertThat(evidence.get(0)).isNotEqualTo(evidence.get(1));
    }

    @Test
    void noTextGivesNoEvidenceAndNoError() {
        assertThat(model.evidence(null, new int[] { 0, 1 }, 5)).containsExactly(List.of(), List.of());
        assertThat(model.evidence("😡！！", new int[] { 0 }, 5)).containsExactly(List.of());
    }

    /** The packed table stores weights as bfloat16, about three significant digits: scores agree to 1%. */
    @Test
    void theOnePassScoreEqualsTheTfIdfVectorTimesTheWeights() {
        LinearTextModel twoToFourGrams = new Trainer(new FeatureSettings(2, 4, 1.0, 2.0, 1, true, 0.3, 0.3, 1.0, 0), 3)
                .train(history());
        LinearTextModel withHead = new Trainer(
                new FeatureSettings(1, 3, 1.0, 2.0, 1, true, 0.3, 0.3, 1.0, 0, 6, 0.5), 3).train(history());
        for (LinearTextModel m : List.of(model, twoToFourGrams, withHead)) {
            for (String text : List.of("小区物业拖欠维修费用，学校门口堵车", "物业", "物", "")) {
                assertOnePassScoreIsTheVectorTimesTheWeights(m, "物业", text);
                assertOnePassScoreIsTheVectorTimesTheWeights(m, null, text);
            }
        }
    }

    private static void assertOnePassScoreIsTheVectorTimesTheWeights(LinearTextModel m, String subject, String text) {
        LinearTextModel.Scratch scratch = m.newScratch();
        double[] fast = m.scores(subject, text, scratch);
        m.vectorize(subject, text, scratch);
        int k = m.labels().length;
        for (int c = 0; c < k; c++) {
            double expected = m.bias()[c];
            for (int i = 0; i < scratch.n; i++) {
                expected += scratch.values[i] * m.weights()[scratch.ids[i] * k + c];
            }
            assertThat(fast[c]).as("%s-%s-grams, label %d, \"%s\"", m.settings().minN(), m.settings().maxN(), c, text)
                    .isCloseTo(expected, within(0.01 * Math.max(1, Math.abs(expected))));
        }
    }

    @Nested
    class TheHeadOfAMessageIsReadAsABlockOfItsOwn {

        private final LinearTextModel withHead = new Trainer(
                new FeatureSettings(1, 3, 1.0, 2.0, 1, true, 0.3, 0.3, 1.0, 0, 6, 0.5), 0).train(history());

        @Test
        void theSameWordsWeighDifferentlyAtTheStartThanFurtherOn() {
            LinearTextModel.Scratch scratch = withHead.newScratch();
            double[] wagesFirst = withHead.scores(null, "拖欠工资，小区物业不管", scratch);
            double[] wagesLater = withHead.scores(null, "小区物业不管，拖欠工资", scratch);

            assertThat(wagesFirst).isNotEqualTo(wagesLater);
            // the same n-grams in another order: a model without a head could not tell them apart
            assertThat(model.scores(null, "拖欠工资，小区物业不管", model.newScratch())[1])
                    .isCloseTo(model.scores(null, "小区物业不管，拖欠工资", model.newScratch())[1], within(0.02));
        }

        @Test
        void theHeadsBlockIsNormalisedToItsWeightWhateverTheMessagesLength() {
            LinearTextModel.Scratch scratch = withHead.newScratch();
            withHead.vectorize(null, "拖欠工资三个月了，" + "公司一直拖着不给，".repeat(30), scratch);
            double head = 0;
            double rest = 0;
            for (int i = 0; i < scratch.n; i++) {
                double v = scratch.values[i] * scratch.values[i];
                if (isHead(withHead, scratch.ids[i])) {
                    head += v;
                } else {
                    rest += v;
                }
            }
            assertThat(head).as("the head's n-grams are in the vector").isPositive();
            assertThat(Math.sqrt(head)).isCloseTo(0.5, within(1e-4));
            assertThat(Math.sqrt(rest)).isCloseTo(1.0, within(1e-4));
        }

        private boolean isHead(LinearTextModel m, int id) {
            int[] head = TextNormalizer.normalize("拖欠工资三个月了");
            for (int n = 1; n <= 3; n++) {
                for (int start = 0; start + n <= 6; start++) {
                    if (m.vocabulary().hashesById()[id] == NgramFeatures.hash(head, start, n, NgramFeatures.HEAD)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    @Nested
    class ALongMessageIsReadUpToMaxChars {

        private final LinearTextModel capped = new Trainer(
                new FeatureSettings(1, 3, 1.0, 2.0, 1, true, 0.3, 0.3, 1.0, 20), 0).train(history());

        @Test
        void whatComesAfterTheFirstMaxCharsCharactersChangesNoScore() {
            String start = "老板拖欠我两个月工资，要求尽快发放工资谢";
            assertThat(start).hasSize(20);
            LinearTextModel.Scratch scratch = capped.newScratch();

            double[] whole = capped.scores(null, start + "培训机构不退学费，学校乱收补课费".repeat(20), scratch);

            assertThat(whole).containsExactly(capped.scores(null, start, scratch));
            assertThat(capped.classify(null, start + "培训机构不退学费".repeat(20), 1, scratch).get(0).label())
                    .isEqualTo("02");
        }
    }

    @Nested
    class BadTextGetsAnAnswerNeverAnException {

        /** The ranking, and the words behind it as a dispatcher asks for them: neither may throw. */
        private List<LinearTextModel.Guess> classify(String text) {
            List<LinearTextModel.Guess> ranked = model.classify(null, text, 3, model.newScratch());
            assertThat(evidenceOf(text, ranked)).hasSize(ranked.size());
            return ranked;
        }

        @Test
        void emptyAndEmojiOnlyTextGetTheBiasOnlyRanking() {
            assertThat(classify("")).hasSize(3);
            assertThat(classify(null)).hasSize(3);
            assertThat(classify("😡😡😡🙏")).hasSize(3);
        }

        @Test
        void fourThousandCharactersAreClassified() {
            assertThat(classify("公司拖欠工资".repeat(667)).get(0).label()).isEqualTo("02");
        }

        @Test
        void fullWidthAndMixedEnglishAreFolded() {
            assertThat(classify("ＡＢＣ公司 boss 拖欠工资 ３个月 salary").get(0).label()).isEqualTo("02");
        }

        @Test
        void traditionalCharactersStillGetARanking() {
            assertThat(classify("公司拖欠工資三個月")).hasSize(3);
        }
    }

    @Test
    void normalisationFoldsWidthCaseDigitsAndDropsPunctuation() {
        assertThat(new String(TextNormalizer.normalize("ＡＢ１２３，ab 45！"), 0,
                TextNormalizer.normalize("ＡＢ１２３，ab 45！").length)).isEqualTo("ab0ab0");
    }
}
