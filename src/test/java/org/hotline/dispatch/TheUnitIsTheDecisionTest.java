package org.hotline.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline.dispatch.internal.routing.DemoOrganization;
import org.hotline.organization.UnitId;
import org.hotline.workorder.Urgency;
import org.junit.jupiter.api.Test;

/**
 * The unit is the decision: the probability that a unit should lead is the sum over the categories that route
 * to it; that probability gates automatic dispatch; below the threshold the dispatcher sees ranked units, each
 * with the categories behind it; the dispatch directory decides which unit a category goes to and its phrases
 * weigh for their unit. Uses the demo organisation and fixed classifiers.
 */
class TheUnitIsTheDecisionTest {

    static final DemoOrganization ORG = DemoOrganization.DONGCHANGFU;
    static final UnitId ZHZFJ = new UnitId("dcf-zhzfj");
    static final UnitId ZJJ = new UnitId("dcf-zjj");
    static final UnitId SWJ = new UnitId("dcf-swj");
    static final UnitId POWER = new UnitId("dcf-power");
    static final UnitId XINQU = new UnitId("dcf-xinqu");

    /** A classifier that says the same ranking of every text. */
    static Classifier saying(Object... labelsAndProbabilities) {
        List<Suggestion> ranked = new java.util.ArrayList<>();
        for (int i = 0; i < labelsAndProbabilities.length; i += 2) {
            ranked.add(new Suggestion((String) labelsAndProbabilities[i], (Double) labelsAndProbabilities[i + 1],
                    List.of()));
        }
        return (subject, text) -> new Classification("fixed", LabelKind.CATEGORY, ranked);
    }

    static DispatchAdvisor advisor(Classifier classifier, DispatchDirectory directory) {
        return new DispatchAdvisor(classifier, ORG.matcher(), new RoutingRules(List.of(), ORG.categories()),
                ORG.units(), ORG.categories(), directory, 0.80);
    }

    static DispatchRequest order(String content, String address) {
        return new DispatchRequest(content, address, Urgency.NORMAL, null);
    }

    @Test
    void categoriesThatRouteToTheSameUnitAddUpAndThatSumGatesAutomaticDispatch() {
        // three suggestions all naming law enforcement: once this waited for a person at 0.45
        DispatchAdvice a = advisor(saying("09.05.01", 0.45, "09.04.01", 0.25, "09.02.01", 0.12, "01.01.01", 0.10),
                DispatchDirectory.EMPTY).advise(order("门口那个东西坏了好久没人管", "柳园街道"));

        assertThat(a.confidence()).isCloseTo(0.82, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(a.categoryConfidence()).isEqualTo(0.45);
        assertThat(a.automatic()).isTrue();
        assertThat(a.lead()).isEqualTo(ZHZFJ);
        assertThat(a.categoryCode()).isEqualTo("09.05.01");
        assertThat(a.explanation()).contains("区综合行政执法局", "0.82", "路灯不亮");
    }

    @Test
    void belowTheThresholdTheDispatcherSeesRankedUnitsEachWithTheCategoriesBehindIt() {
        DispatchAdvice a = advisor(saying("09.05.01", 0.40, "01.01.01", 0.30, "09.04.01", 0.20, "13.02.01", 0.10),
                DispatchDirectory.EMPTY).advise(order("门口那个东西坏了好久没人管", "柳园街道"));

        assertThat(a.automatic()).isFalse();
        assertThat(a.manualReason()).contains("主办单位把握不足", "0.60");
        assertThat(a.suggestions()).extracting(UnitSuggestion::leadUnit).containsExactly(ZHZFJ, ZJJ, POWER);
        assertThat(a.suggestions().get(0).probability()).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(a.suggestions().get(1).probability()).isEqualTo(0.3);
        assertThat(a.suggestions().get(0).categories()).extracting(Suggestion::label).containsExactly("09.05.01",
                "09.04.01");
        assertThat(a.ranked()).extracting(Suggestion::label).containsExactly("09.05.01", "01.01.01", "09.04.01");
    }

    @Test
    void theDirectoryDecidesWhichUnitACategoryGoesTo() {
        Classifier prepaid = saying("04.01.02", 0.95, "08.02", 0.05);
        assertThat(advisor(prepaid, DispatchDirectory.EMPTY).advise(order("健身房办卡后跑路了", "柳园街道")).lead())
                .as("the taxonomy's default for 单用途预付卡").isEqualTo(SWJ);

        DispatchDirectory directory = new DispatchDirectory(List.of(
                new DirectoryEntry(1, "04.01.02", new UnitId("dcf-scjgj"), "单用途预付卡", List.of("预付卡"), true),
                new DirectoryEntry(2, "16.02", null, "征地拆迁", List.of("拆迁"), true)));
        DispatchAdvice a = advisor(prepaid, directory).advise(order("健身房办卡后跑路了", "柳园街道"));
        assertThat(a.lead()).isEqualTo(new UnitId("dcf-scjgj"));

        // a territorial entry: the street office of the address owns it
        DispatchAdvice demolition = advisor(saying("16.02", 0.9, "01", 0.1), directory)
                .advise(order("拆迁补偿款一直没有发放", "新区街道兴华社区"));
        assertThat(demolition.lead()).isEqualTo(XINQU);
        assertThat(demolition.automatic()).isTrue();
        DispatchAdvice nowhere = advisor(saying("16.02", 0.9, "01", 0.1), directory)
                .advise(order("拆迁补偿款一直没有发放", null));
        assertThat(nowhere.automatic()).isFalse();
        assertThat(nowhere.lead()).isNull();
        assertThat(nowhere.manualReason()).contains("属地");
    }

    @Test
    void theDirectorysPhrasesWeighForTheirUnitAndAreShownAsItsEvidence() {
        Classifier torn = saying("01.01.01", 0.45, "09.05.01", 0.45, "13.02.01", 0.10);
        DispatchAdvice without = advisor(torn, DispatchDirectory.EMPTY).advise(order("小区门口的路灯坏了", "柳园街道"));
        DispatchAdvice with = advisor(torn, ORG.directory()).advise(order("小区门口的路灯坏了", "柳园街道"), true);

        assertThat(without.suggestions().get(0).probability()).isEqualTo(0.45);
        assertThat(with.suggestions().get(0).leadUnit()).isEqualTo(ZHZFJ);
        assertThat(with.confidence()).isGreaterThan(0.45);
        assertThat(with.suggestions().get(0).evidence()).contains("路灯");
        assertThat(with.suggestions().stream().mapToDouble(UnitSuggestion::probability).sum())
                .as("what the model gave the routed units, no more").isCloseTo(1.0,
                        org.assertj.core.api.Assertions.within(1e-9));
    }
}
