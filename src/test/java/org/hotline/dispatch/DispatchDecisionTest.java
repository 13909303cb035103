package org.hotline.dispatch;

import org.hotline.dispatch.internal.routing.DemoOrganization;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline.dispatch.RoutingRule.Lead;
import org.hotline.dispatch.RoutingRule.Then;
import org.hotline.dispatch.RoutingRule.When;
import org.hotline.organization.UnitId;
import org.hotline.workorder.Urgency;
import org.junit.jupiter.api.Test;

/**
 * The decision: confident answers go automatically, unsure ones to a person with ranked suggestions, and a
 * rule can always insist on a person. Uses the demo organisation and a fake classifier.
 */
class DispatchDecisionTest {

    static final DemoOrganization ORG = DemoOrganization.DONGCHANGFU;
    static final UnitId GULOU = new UnitId("dcf-gulou");
    static final UnitId ZHZFJ = new UnitId("dcf-zhzfj");

    static final List<RoutingRule> RULES = List.of(
            new RoutingRule("轻生转人工", true, new When(null, List.of("轻生", "自杀"), List.of(), null), Then.manual()),
            new RoutingRule("城区占道执法主办", true, new When(null, List.of("占道", "摆摊"), List.of(GULOU), null),
                    new Then(Lead.UNIT, ZHZFJ, List.of(), true)));

    static DispatchAdvisor advisor(Classifier classifier) {
        return new DispatchAdvisor(classifier, ORG.matcher(), new RoutingRules(RULES, ORG.categories()), ORG.units(),
                ORG.categories(), 0.80);
    }

    static DispatchRequest order(String content, String address) {
        return new DispatchRequest(content, address, Urgency.NORMAL, null);
    }

    @Test
    void aConfidentAnswerIsDispatchedAutomaticallyWithTheRulesCoUnit() {
        DispatchAdvice a = advisor(FakeClassifier.demo()).advise(order("东关社区门口有人占道摆摊卖菜", "古楼街道东关社区"));
        assertThat(a.automatic()).isTrue();
        assertThat(a.manualReason()).isNull();
        assertThat(a.lead()).isEqualTo(ZHZFJ);
        assertThat(a.coUnits()).containsExactly(GULOU);
        assertThat(a.categoryCode()).isEqualTo("09.01.01");
        assertThat(a.rule()).isEqualTo("城区占道执法主办");
        // the rule sends every category here, and the directory's phrases (占道, 摆摊) are law enforcement's
        assertThat(a.confidence()).isGreaterThanOrEqualTo(0.95);
        assertThat(a.territorialUnit()).isEqualTo(GULOU);
        assertThat(a.modelVersion()).isEqualTo(FakeClassifier.VERSION);
        assertThat(a.explanation()).contains("占道经营", "0.95", "占道", "东关社区", "城区占道执法主办");
    }

    @Test
    void withoutARuleTheCategorysDepartmentLeads() {
        DispatchAdvice a = advisor(FakeClassifier.demo()).advise(order("小区路灯不亮一个月了", "柳园路"));
        assertThat(a.automatic()).isTrue();
        assertThat(a.lead()).isEqualTo(ZHZFJ);
        assertThat(a.coUnits()).isEmpty();
        assertThat(a.rule()).isNull();
    }

    @Test
    void anUnsureAnswerWaitsForAPersonWithRankedSuggestions() {
        DispatchAdvice a = advisor(FakeClassifier.demo()).advise(order("楼上噪音太大", "古楼街道"));
        assertThat(a.automatic()).isFalse();
        assertThat(a.manualReason()).contains("置信度 0.55", "0.80");
        assertThat(a.suggestions()).hasSize(3);
        assertThat(a.suggestions()).extracting(UnitSuggestion::probability).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        UnitSuggestion first = a.suggestions().get(0);
        assertThat(first.categoryCode()).isEqualTo("05.03.02");
        assertThat(first.leadUnit()).isEqualTo(new UnitId("dcf-gafj"));
        assertThat(first.evidence()).containsExactly("噪音");
        // the best suggestion is recorded even though a person decides, to see later whether they agreed
        assertThat(a.lead()).isEqualTo(new UnitId("dcf-gafj"));
    }

    /** The fake's answers, explained with a word per label, counting how often it was asked to explain. */
    static class ExplainingClassifier implements Classifier {
        private final Classifier answers = FakeClassifier.demo();
        int explained;

        @Override
        public Classification classify(String subject, String text) {
            Classification c = answers.classify(subject, text);
            return new Classification(c.modelVersion(), c.labelKind(),
                    c.ranked().stream().map(s -> new Suggestion(s.label(), s.probability(), List.of())).toList());
        }

        @Override
        public Classification explain(String subject, String text, Classification c) {
            explained++;
            return new Classification(c.modelVersion(), c.labelKind(), c.ranked().stream()
                    .map(s -> new Suggestion(s.label(), s.probability(), List.of("词" + s.label()))).toList());
        }
    }

    @Test
    void everySuggestionForAPersonCarriesTheWordsBehindIt() {
        ExplainingClassifier classifier = new ExplainingClassifier();
        DispatchAdvice a = advisor(classifier).advise(order("楼上噪音太大", "古楼街道"));

        assertThat(a.automatic()).isFalse();
        assertThat(classifier.explained).isEqualTo(1);
        assertThat(a.suggestions()).hasSize(3)
                .allSatisfy(s -> assertThat(s.evidence()).containsExactly("词" + s.categoryCode()));
        assertThat(a.ranked()).allSatisfy(s -> assertThat(s.evidence()).containsExactly("词" + s.label()));
        assertThat(a.explanation()).contains("依据：词05.03.02");
    }

    @Test
    void anAutomaticDispatchDoesNotReadTheTextAgainForEvidence() {
        ExplainingClassifier classifier = new ExplainingClassifier();
        DispatchAdvice a = advisor(classifier).advise(order("东关社区门口有人占道摆摊卖菜", "古楼街道东关社区"));

        assertThat(a.automatic()).isTrue();
        assertThat(classifier.explained).isZero();
    }

    @Test
    void aDispatcherAskingForAdviceSeesEverySuggestionExplainedEvenWhenTheAnswerIsConfident() {
        ExplainingClassifier classifier = new ExplainingClassifier();
        DispatchAdvice a = advisor(classifier).advise(order("东关社区门口有人占道摆摊卖菜", "古楼街道东关社区"), true);

        assertThat(a.automatic()).isTrue();
        assertThat(classifier.explained).isEqualTo(1);
        // the rule sends all three categories to law enforcement: one unit, with the three behind it
        assertThat(a.suggestions()).hasSize(1).allSatisfy(s -> assertThat(s.evidence()).isNotEmpty());
        assertThat(a.suggestions().get(0).categories()).hasSize(3);
    }

    @Test
    void anExplanationThatDoesNotMatchTheRankingIsIgnored() {
        Classifier reordering = new ExplainingClassifier() {
            @Override
            public Classification explain(String subject, String text, Classification c) {
                return new Classification(c.modelVersion(), c.labelKind(),
                        List.of(new Suggestion("99.99", 1.0, List.of("乱说"))));
            }
        };
        DispatchAdvice a = advisor(reordering).advise(order("楼上噪音太大", "古楼街道"));

        assertThat(a.automatic()).isFalse();
        assertThat(a.suggestions()).hasSize(3).allSatisfy(s -> assertThat(s.evidence()).isEmpty());
    }

    @Test
    void theThresholdIsConfigurable() {
        DispatchAdvisor lenient = new DispatchAdvisor(FakeClassifier.demo(), ORG.matcher(),
                new RoutingRules(RULES, ORG.categories()), ORG.units(), ORG.categories(), 0.5);
        assertThat(lenient.advise(order("楼上噪音太大", "古楼街道")).automatic()).isTrue();
    }

    @Test
    void aManualRuleOverridesEvenACertainModel() {
        DispatchAdvice a = advisor(FakeClassifier.demo()).advise(order("老板拖欠工资，我不想活了想自杀", "古楼街道"));
        assertThat(a.confidence()).isGreaterThan(0.9);
        assertThat(a.automatic()).isFalse();
        assertThat(a.manualReason()).isEqualTo("规则“轻生转人工”要求人工派单");
        assertThat(a.rule()).isEqualTo("轻生转人工");
    }

    @Test
    void aUnitModelNamesTheLeadAndTheRulesStillApply() {
        Classifier units = FakeClassifier.units().knows("过期", "dcf-scjgj", 0.9).knows("摆摊", "dcf-scjgj", 0.9);
        DispatchAdvice plain = advisor(units).advise(order("超市卖过期面包", "柳园街道"));
        assertThat(plain.labelKind()).isEqualTo(LabelKind.UNIT);
        assertThat(plain.automatic()).isTrue();
        assertThat(plain.lead()).isEqualTo(new UnitId("dcf-scjgj"));
        DispatchAdvice ruled = advisor(units).advise(order("门口摆摊", "古楼街道"));
        assertThat(ruled.lead()).isEqualTo(ZHZFJ);
        assertThat(ruled.coUnits()).containsExactly(GULOU);
    }

    @Test
    void anOperatorsCategoryThatContradictsTheModelGoesToAPerson() {
        // in 柳园 no rule fixes the lead: the operator's 停电 goes to the power company, the model's 占道经营 to
        // law enforcement
        DispatchAdvice a = advisor(FakeClassifier.demo()).advise(
                new DispatchRequest("门口有人摆摊", "柳园街道", Urgency.NORMAL, "13.02.01"));
        assertThat(a.automatic()).isFalse();
        assertThat(a.manualReason()).contains("停电", "占道经营", "不一致");
        DispatchAdvice agreeing = advisor(FakeClassifier.demo()).advise(
                new DispatchRequest("门口有人摆摊", "柳园街道", Urgency.NORMAL, "09.01"));
        assertThat(agreeing.automatic()).isTrue();
        // a category of the operator's that goes to the same unit agrees, whatever its name
        DispatchAdvice sameUnit = advisor(FakeClassifier.demo()).advise(
                new DispatchRequest("门口有人摆摊", "柳园街道", Urgency.NORMAL, "09.05.01"));
        assertThat(sameUnit.automatic()).isTrue();
    }

    @Test
    void aLabelTheOrganisationDoesNotKnowIsNotDispatched() {
        Classifier foreign = FakeClassifier.categories().knows("摆摊", "城乡建设/市容", 0.99);
        DispatchAdvice a = advisor(foreign).advise(order("门口有人摆摊", "古楼街道"));
        assertThat(a.automatic()).isFalse();
        assertThat(a.manualReason()).contains("不在分类目录中");
    }

    @Test
    void withoutAModelEveryOrderGoesToAPersonButTheAreaIsStillFound() {
        DispatchAdvice a = advisor(null).advise(order("门口有人摆摊", "古楼街道"));
        assertThat(a.automatic()).isFalse();
        assertThat(a.manualReason()).contains("尚未启用分类模型");
        assertThat(a.territorialUnit()).isEqualTo(GULOU);
    }
}
