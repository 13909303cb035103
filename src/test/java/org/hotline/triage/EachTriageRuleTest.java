package org.hotline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.triage.TriageFixture.onThePhone;
import static org.hotline.triage.TriageFixture.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.hotline.triage.Evidence.Effect;
import org.hotline.workorder.TriageOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule of the shipped {@code triage/rules.yaml} by its name: an appeal it decides (outcome and target), and
 * an appeal with its words that it must not decide (a past fire, a question about suing, an angry but real
 * complaint). A rule that changes its behaviour fails its own rows; a rule without rows fails
 * {@link #everyShippedRuleIsPinnedHere()}.
 */
class EachTriageRuleTest {

    /** The rule decides the appeal: outcome and target. */
    static Stream<Arguments> decides() {
        return Stream.of(
                row("fire-now", "楼下饭店着火了，火很大", TriageOutcome.EMERGENCY, "FIRE"),
                row("vehicle-fire", "路边一辆小轿车自燃了", TriageOutcome.EMERGENCY, "FIRE"),
                row("gas-leak", "厨房煤气泄漏了，满屋子都是味", TriageOutcome.EMERGENCY, "FIRE"),
                row("people-trapped", "有人被困在电梯里，一直出不来", TriageOutcome.EMERGENCY, "FIRE"),
                row("armed-threat", "有个男的拿刀在街上追人", TriageOutcome.EMERGENCY, "POLICE"),
                row("violence-now", "小区门口一群人正在打架", TriageOutcome.EMERGENCY, "POLICE"),
                row("assault-on-a-person", "我丈夫现在正在殴打我", TriageOutcome.EMERGENCY, "POLICE"),
                row("robbery-or-burglary-now", "刚才有人抢了我的包往东跑了", TriageOutcome.EMERGENCY, "POLICE"),
                row("life-in-danger", "楼顶有人要跳楼，坐在边上", TriageOutcome.EMERGENCY, "POLICE"),
                row("missing-person", "我儿子放学到现在还没回家，找不到人", TriageOutcome.EMERGENCY, "POLICE"),
                row("fraud-in-progress", "对方还在让我继续转账，我怀疑被骗了", TriageOutcome.EMERGENCY, "POLICE"),
                row("life-threatening-condition", "路边有个人口吐白沫", TriageOutcome.EMERGENCY, "AMBULANCE"),
                row("medical-emergency", "我妈刚才突然晕倒了", TriageOutcome.EMERGENCY, "AMBULANCE"),
                row("traffic-accident-with-injuries", "路口两车相撞，有人受伤", TriageOutcome.EMERGENCY, "TRAFFIC"),
                row("litigation-in-progress", "借款纠纷我已经向法院起诉了，想让对方先还钱", TriageOutcome.OTHER_CHANNEL,
                        "LITIGATION"),
                row("appeal-to-a-higher-court", "对方不服已经上诉，案子在中院", TriageOutcome.OTHER_CHANNEL,
                        "LITIGATION"),
                row("court-enforcement", "欠款纠纷我已申请强制执行，对方还不还钱", TriageOutcome.OTHER_CHANNEL,
                        "LITIGATION"),
                row("arbitration-in-progress", "我已经申请了劳动仲裁，公司还是不给工资", TriageOutcome.OTHER_CHANNEL,
                        "ARBITRATION"),
                row("reconsideration-in-progress", "对罚款决定不服，我已经申请了行政复议", TriageOutcome.OTHER_CHANNEL,
                        "RECONSIDERATION"),
                row("petition-in-procedure", "征地补偿的事信访局已经受理了，还没有答复", TriageOutcome.OTHER_CHANNEL,
                        "PETITION"),
                row("official-misconduct", "举报村支书贪污扶贫款", TriageOutcome.OTHER_CHANNEL, "DISCIPLINE"),
                row("harassing-the-line", "来电人反复纠缠话务员要求见面，无具体诉求", TriageOutcome.INVALID,
                        "HARASSMENT"),
                row("abuse-without-a-matter", "你们这帮废物，去死吧", TriageOutcome.INVALID, "ABUSE"),
                row("silent-call", "来电无声", TriageOutcome.INVALID, "SILENT"),
                row("test-entry", "测试", TriageOutcome.INVALID, "TEST"),
                row("prank-call", "儿童拨打热线嬉闹", TriageOutcome.INVALID, "PRANK"),
                row("wrong-number", "来电人称打错电话，无诉求", TriageOutcome.INVALID, "WRONG_NUMBER"),
                row(Triager.NO_CONTENT, "啊啊啊啊啊", TriageOutcome.INVALID, "GIBBERISH"),
                row(Triager.NO_CONTENT, "asdfghjkl", TriageOutcome.INVALID, "GIBBERISH"));
    }

    /** The appeal carries the rule's words, but it must go to dispatch: the rule is held back or does not fire. */
    static Stream<Arguments> doesNotDecide() {
        return Stream.of(
                row("fire-now", "去年楼下饭店着火，烧坏了我家窗户，至今没有赔偿", null, null),
                row("fire-now", "楼道堆满杂物，一旦着火后果不堪设想", null, null),
                row("fire-now", "这家化工厂极易引起火灾，请查一查", null, null),
                row("vehicle-fire", "自燃油税费改革以来，养路费怎么算", null, null),
                row("gas-leak", "燃气费突然涨了很多", null, null),
                row("people-trapped", "停电时每次都有人被困电梯，希望整改", null, null),
                row("armed-threat", "去年有人拿刀抢过这家店", null, null),
                row("violence-now", "这家KTV经常有人打架，希望加强巡逻", null, null),
                row("assault-on-a-person", "丈夫经常家暴我，想咨询怎么申请保护令", null, null),
                row("robbery-or-burglary-now", "去年家里被撬门偷了东西，一直没破案", null, null),
                row("life-in-danger", "开发商搞跳楼价促销，扰乱市场", null, null),
                row("missing-person", "老人走失后被好心人送回，想感谢派出所民警", null, null),
                row("fraud-in-progress", "被网贷平台骗了，想问怎么追回", null, null),
                row("life-threatening-condition", "医院抢救无效去世前一直叫不醒，对治疗有疑问", null, null),
                row("medical-emergency", "我妈前几天在家晕倒，送医后说是低血糖", null, null),
                row("traffic-accident-with-injuries", "半年前出了车祸，保险公司一直不理赔", null, null),
                row("traffic-accident-with-injuries", "路口红绿灯坏了，差点撞上", null, null),
                row("litigation-in-progress", "请问和房东的押金纠纷怎么向法院起诉", null, null),
                row("litigation-in-progress", "法院判决离婚后户口怎么迁", null, null),
                row("litigation-in-progress", "如果再不退费，我就去法院起诉", null, null),
                row("appeal-to-a-higher-court", "以上诉求请领导重视", null, null),
                row("court-enforcement", "城管要强制执行拆除违建", null, null),
                row("arbitration-in-progress", "想咨询一下劳动仲裁怎么申请", null, null),
                row("reconsideration-in-progress", "请问对处罚不服可以申请行政复议吗", null, null),
                row("petition-in-procedure", "想了解一下信访的流程", null, null),
                row("official-misconduct", "举报物业经理挪用维修基金", null, null),
                row("harassing-the-line", "邻居天天骚扰我家老人", null, null),
                row("harassing-the-line", "推销骚扰电话一天打十几个", null, null),
                row("abuse-without-a-matter", "你们都是废物，路灯坏了三个月都没人修", null, null),
                row("test-entry", "测试一下你们的效率，小区门口的垃圾桶坏了一个月了", null, null),
                row("wrong-number", "我打错了好几次才打通，要投诉公交车司机态度差", null, null));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("decides")
    void decides(String rule, String text, TriageOutcome outcome, String target) {
        Triage t = onThePhone(text);

        assertThat(t.outcome()).as("outcome").isEqualTo(outcome);
        assertThat(t.target()).as("target").isEqualTo(target);
        assertThat(t.decidingRules()).as("deciding rules").contains(rule);
        assertThat(t.rulesVersion()).isEqualTo(TriageFixture.RULES.version());
    }

    @ParameterizedTest(name = "{0} holds back: {1}")
    @MethodSource("doesNotDecide")
    void doesNotDecide(String rule, String text, TriageOutcome outcome, String target) {
        Triage t = onThePhone(text);

        assertThat(t.outcome()).as("outcome of %s", text).isEqualTo(TriageOutcome.DISPATCH);
        assertThat(rules(t, Effect.DECIDED)).doesNotContain(rule);
    }

    @Test
    void everyShippedRuleIsPinnedHere() {
        Set<String> pinned = new HashSet<>();
        decides().forEach(a -> pinned.add((String) a.get()[0]));
        Set<String> heldBack = new HashSet<>();
        doesNotDecide().forEach(a -> heldBack.add((String) a.get()[0]));
        List<String> shipped = TriageFixture.RULES.rules().stream().map(TriageRule::name)
                .filter(n -> !List.of("petition-mentioned", "cry-for-help").contains(n)).toList();

        assertThat(pinned).containsAll(shipped);
        assertThat(heldBack).containsAll(shipped.stream()
                .filter(n -> !List.of("silent-call", "prank-call").contains(n)).toList());
    }

    @Test
    void aPetitionOnlyMentionedFlagsTheAppealAndDecidesNothing() {
        Triage t = onThePhone("这个问题我们上访过，村里的路还是没人修");

        assertThat(t.outcome()).isEqualTo(TriageOutcome.DISPATCH);
        assertThat(t.flagged()).isTrue();
        assertThat(rules(t, Effect.HINT)).contains("petition-mentioned");
    }

    private static Arguments row(String rule, String text, TriageOutcome outcome, String target) {
        return Arguments.of(rule, text, outcome, target);
    }
}
