package org.hotline.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline.workorder.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever a citizen writes, the decision ends in a result or in "needs manual dispatch" with the reason,
 * never in an exception: the order must be registered either way.
 */
class BadTextNeverBreaksTheDecisionTest {

    private final DispatchAdvisor advisor = DispatchDecisionTest.advisor(FakeClassifier.demo());

    private static DispatchRequest order(String content) {
        return new DispatchRequest(content, null, Urgency.NORMAL, null);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "\n\t" })
    void emptyTextNeedsAPersonAndSaysSo(String content) {
        DispatchAdvice a = advisor.advise(order(content));
        assertThat(a.automatic()).isFalse();
        assertThat(a.manualReason()).isEqualTo("诉求内容为空，需人工派单");
    }

    @Test
    void emojiOnlyNeedsAPersonAndSaysSo() {
        DispatchAdvice a = advisor.advise(order("😡😡😡🙏🏻🙏🏻"));
        assertThat(a.automatic()).isFalse();
        assertThat(a.manualReason()).contains("没有可识别的文字");
        assertThat(a.suggestions()).isEmpty();
    }

    @Test
    void fourThousandCharactersAreDecidedLikeAnyOtherText() {
        String longText = "古楼街道东关社区门口有人占道摆摊，".repeat(250).substring(0, 4000);
        DispatchAdvice a = advisor.advise(new DispatchRequest(longText, longText, Urgency.NORMAL, null));
        assertThat(a.automatic()).isTrue();
        assertThat(a.lead()).isEqualTo(DispatchDecisionTest.ZHZFJ);
        assertThat(a.explanation().length()).isLessThanOrEqualTo(500);
    }

    @Test
    void traditionalCharactersStillFindTheArea() {
        DispatchAdvice a = advisor.advise(new DispatchRequest("門口有人擺攤賣菜，占道嚴重", "閻寺街道", Urgency.NORMAL, null));
        assertThat(a.territorialUnit()).isEqualTo(new org.hotline.organization.UnitId("dcf-yansi"));
        assertThat(a.automatic()).isTrue();
    }

    @Test
    void mixedEnglishIsDecided() {
        DispatchAdvice a = advisor.advise(order("Hello，my boss 欠薪 three months, please help"));
        assertThat(a.categoryCode()).isEqualTo("02.01.01");
        assertThat(a.lead()).isEqualTo(new org.hotline.organization.UnitId("dcf-rsj"));
    }

    @Test
    void aFailingModelMeansAPersonDecides() {
        DispatchAdvice a = DispatchDecisionTest.advisor((subject, text) -> {
            throw new IllegalStateException("model file missing");
        }).advise(order("门口有人摆摊"));
        assertThat(a.automatic()).isFalse();
        assertThat(a.manualReason()).contains("分类模型出错");
    }

    @Test
    void aModelAnswerWithMissingPartsIsCleanedNotTrusted() {
        Classifier sloppy = (subject, text) -> new Classification(null, null, java.util.Arrays.asList(
                null, new Suggestion(" ", 0.9, null), new Suggestion("09.01.01", Double.NaN, null),
                new Suggestion("02.01.01", 1.7, java.util.Arrays.asList("欠薪", null))));
        DispatchAdvice a = DispatchDecisionTest.advisor(sloppy).advise(order("欠薪"));
        assertThat(a.ranked()).extracting(Suggestion::label).containsExactly("02.01.01", "09.01.01");
        assertThat(a.confidence()).isEqualTo(1.0);
        assertThat(a.ranked().get(0).evidence()).isEqualTo(List.of("欠薪"));
        assertThat(a.labelKind()).isEqualTo(LabelKind.CATEGORY);
    }
}
