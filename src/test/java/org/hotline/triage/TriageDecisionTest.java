package org.hotline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.triage.TriageFixture.onThePhone;
import static org.hotline.triage.TriageFixture.onTheWeb;

import org.hotline.triage.Evidence.Effect;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.EmergencyService;
import org.hotline.workorder.TriageOutcome;
import org.junit.jupiter.api.Test;

/**
 * How triage decides, beyond any one rule: safety first, and a citizen's real problem is never discarded.
 */
class TriageDecisionTest {

    @Test
    void anEmergencyTellsTheOperatorToTransferTheCallToItsService() {
        Triage t = onThePhone("三号楼着火了，楼上还有人");

        assertThat(t.outcome()).isEqualTo(TriageOutcome.EMERGENCY);
        assertThat(t.service()).isEqualTo(EmergencyService.FIRE);
        assertThat(t.instruction()).contains("119");
        assertThat(t.explanation()).contains("119");
        assertThat(t.confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(t.warning()).as("on the phone the operator transfers; nobody needs a warning").isNull();
    }

    @Test
    void aCitizenWhoEnteredAnEmergencyAloneIsWarnedToCall() {
        Triage sure = onTheWeb("三号楼着火了，楼上还有人");
        Triage unsure = onTheWeb("小区电动车棚着火");

        assertThat(sure.warning()).contains("119");
        assertThat(unsure.outcome()).isEqualTo(TriageOutcome.DISPATCH);
        assertThat(unsure.warning()).as("a hint of an emergency warns too").contains("119");
    }

    @Test
    void anAmbiguousAppealLeansToDispatchAndIsFlagged() {
        Triage t = onThePhone("小区电动车棚着火");

        assertThat(t.outcome()).isEqualTo(TriageOutcome.DISPATCH);
        assertThat(t.flagged()).isTrue();
        assertThat(t.note()).contains("着火").contains("119");
        assertThat(TriageFixture.rules(t, Effect.HINT)).contains("fire-now");
    }

    @Test
    void anAppealThatMayBeAnEmergencyIsNeverSuggestedInvalid() {
        Triage t = onThePhone("救命，着火");

        Triage cry = onThePhone("救命救命救命");

        assertThat(t.outcome()).isIn(TriageOutcome.EMERGENCY, TriageOutcome.DISPATCH);
        assertThat(cry.outcome()).isEqualTo(TriageOutcome.DISPATCH);
        assertThat(cry.flagged()).isTrue();
        assertThat(TriageFixture.rules(cry, Effect.HINT)).contains("cry-for-help");
    }

    @Test
    void aRealProblemSaidAngrilyIsNeverDiscardedAsInvalid() {
        Triage angry = onThePhone("你们这帮废物，路灯坏了三个月了还没人修");
        Triage thin = onThePhone("你们这帮废物，垃圾站");

        assertThat(angry.outcome()).isEqualTo(TriageOutcome.DISPATCH);
        assertThat(angry.flagged()).as("plenty was said: no need to look twice").isFalse();
        assertThat(thin.outcome()).isEqualTo(TriageOutcome.DISPATCH);
        assertThat(thin.flagged()).as("little besides the insult: the operator looks").isTrue();
    }

    @Test
    void anAppealWithNothingSaidIsFlaggedNotDropped() {
        Triage t = onThePhone("你好，我要投诉");

        assertThat(t.outcome()).isEqualTo(TriageOutcome.DISPATCH);
        assertThat(t.flagged()).isTrue();
        assertThat(t.note()).contains("内容过少");
    }

    @Test
    void aLongLetterIsNeverDecidedOnlyFlagged() {
        String letter = "尊敬的领导：我们小区自交房以来问题不断，物业服务差，电梯经常停运，绿化带被占用，停车位乱收费，"
                + "业主多次向物业和社区反映都没有结果。".repeat(9) + "今天楼下有人正在打架，请派人来看看。";

        Triage t = onTheWeb(letter);

        assertThat(letter.length()).isGreaterThan(TriageFixture.RULES.thresholds().decideWithin());
        assertThat(t.outcome()).isEqualTo(TriageOutcome.DISPATCH);
        assertThat(t.warning()).as("the citizen is still told to call 110").contains("110");
    }

    @Test
    void evidenceIsWholeWordsNeverAFragment() {
        assertThat(onThePhone("这个化工厂容易引起火灾").evidence()).noneMatch(e -> e.words().contains("起火"));
        assertThat(onThePhone("以上诉求请领导重视").evidence()).isEmpty();

        Triage fire = onThePhone("仓库起火了，火很大");
        assertThat(fire.evidence().get(0).words()).contains("起火");
    }

    @Test
    void heldBackEvidenceSaysWhatHeldItBack() {
        Triage t = onThePhone("去年楼下饭店着火，至今没有赔偿");

        Evidence held = t.evidence().stream().filter(e -> e.effect() == Effect.HELD_BACK).findFirst().orElseThrow();
        assertThat(held.rule()).isEqualTo("fire-now");
        assertThat(held.words()).contains("着火");
        assertThat(held.against()).containsAnyOf("去年", "赔偿");
    }

    @Test
    void anotherChannelIsExplainedToTheCitizen() {
        Triage t = onThePhone("劳动仲裁委已经受理了我的案子，能不能让公司先给钱");

        assertThat(t.outcome()).isEqualTo(TriageOutcome.OTHER_CHANNEL);
        assertThat(t.explanation()).contains("仲裁委员会");
        assertThat(t.instruction()).contains("其他途径");
    }

    @Test
    void anInquiryTheKnowledgeBaseAnswersWellIsSuggestedForAKnowledgeAnswer() {
        Triager triager = new Triager(TriageFixture.RULES, new FakeKnowledge()
                .with("公积金", "K-17", "公积金提取", "可携带身份证到公积金中心办理提取。", 0.82)
                .with("医保", "K-3", "医保报销", "门诊费用按比例报销。", 0.4));

        Triage answered = triager.triage(new TriageRequest("请问公积金怎么提取", AppealType.INQUIRY, Channel.PHONE));
        Triage weak = triager.triage(new TriageRequest("医保怎么报销", AppealType.INQUIRY, Channel.PHONE));
        Triage complaint = triager.triage(new TriageRequest("公积金中心态度差", AppealType.COMPLAINT, Channel.PHONE));

        assertThat(answered.outcome()).isEqualTo(TriageOutcome.KNOWLEDGE);
        assertThat(answered.target()).isEqualTo("K-17");
        assertThat(answered.explanation()).isEqualTo("可携带身份证到公积金中心办理提取。");
        assertThat(answered.confidence()).isEqualTo(0.82);
        assertThat(answered.decidingRules()).containsExactly(Triager.KNOWLEDGE_BASE);
        assertThat(weak.outcome()).as("below the threshold: shown, not suggested").isEqualTo(TriageOutcome.DISPATCH);
        assertThat(weak.knowledge()).extracting(KnowledgeCandidate::entry).containsExactly("K-3");
        assertThat(complaint.outcome()).as("only an inquiry is answered at intake").isEqualTo(TriageOutcome.DISPATCH);
    }

    @Test
    void aBrokenKnowledgeBaseNeverStopsTriage() {
        Triager triager = new Triager(TriageFixture.RULES, new FakeKnowledge().failing());

        Triage t = triager.triage(new TriageRequest("请问公积金怎么提取", AppealType.INQUIRY, Channel.PHONE));

        assertThat(t.outcome()).isEqualTo(TriageOutcome.DISPATCH);
    }

    @Test
    void anyTextIsTriagedWithoutFailing() {
        for (String text : new String[] { "", " ", "\u0000\u0001", "😀😀😀", "\uD800", "a".repeat(4000),
                "着火了".repeat(1400), "，".repeat(500), "1" }) {
            Triage t = onThePhone(text);
            assertThat(t.outcome()).isNotNull();
            assertThat(t.rulesVersion()).isNotBlank();
        }
    }
}
