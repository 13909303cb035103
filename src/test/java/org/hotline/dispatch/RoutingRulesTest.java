package org.hotline.dispatch;

import org.hotline.dispatch.internal.routing.DemoOrganization;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline.dispatch.RoutingRule.Lead;
import org.hotline.dispatch.RoutingRule.Then;
import org.hotline.dispatch.RoutingRule.When;
import org.hotline.organization.Categories;
import org.hotline.organization.UnitId;
import org.hotline.workorder.Urgency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The routing rules: first match wins, each condition and each outcome, and the routing table without rules. */
class RoutingRulesTest {

    private static final Categories CATEGORIES = DemoOrganization.DONGCHANGFU.categories();
    private static final UnitId GULOU = new UnitId("dcf-gulou");
    private static final UnitId HOUYING = new UnitId("dcf-houying");
    private static final UnitId ZHZFJ = new UnitId("dcf-zhzfj");
    private static final UnitId RSJ = new UnitId("dcf-rsj");
    private static final UnitId SCJGJ = new UnitId("dcf-scjgj");

    private static RoutingFacts category(String code, String text, UnitId territorial) {
        return new RoutingFacts(code, null, text, territorial, Urgency.NORMAL);
    }

    private static RoutingRule rule(String name, When when, Then then) {
        return new RoutingRule(name, true, when, then);
    }

    private static When keywords(String... words) {
        return new When(null, List.of(words), List.of(), null);
    }

    private static Then lead(UnitId unit) {
        return new Then(Lead.UNIT, unit, List.of(), false);
    }

    private static Route route(List<RoutingRule> rules, RoutingFacts facts) {
        return new RoutingRules(rules, CATEGORIES).route(facts);
    }

    @Nested
    class WithoutRules {

        @Test
        void aCategoryGoesToItsDefaultDepartmentInheritedFromItsParents() {
            Route r = route(List.of(), category("02.01.01", "老板拖欠工资", GULOU));
            assertThat(r.lead()).isEqualTo(RSJ);
            assertThat(r.coUnits()).isEmpty();
            assertThat(r.rule()).isNull();
            assertThat(r.isManual()).isFalse();
        }

        @Test
        void aCategoryWithoutDepartmentGoesToTheTerritorialUnit() {
            Categories noDefaults = new Categories() {
                @Override
                public java.util.Optional<org.hotline.organization.Category> find(String code) {
                    return java.util.Optional.empty();
                }

                @Override
                public List<org.hotline.organization.Category> all() {
                    return List.of();
                }
            };
            Route r = new RoutingRules(List.of(), noDefaults).route(category("99.01", "楼道堆物", GULOU));
            assertThat(r.lead()).isEqualTo(GULOU);
        }

        @Test
        void aUnitModelsPredictionLeads() {
            Route r = route(List.of(), new RoutingFacts(null, SCJGJ, "超市卖过期食品", GULOU, Urgency.NORMAL));
            assertThat(r.lead()).isEqualTo(SCJGJ);
        }

        @Test
        void withNeitherDepartmentNorAreaNobodyLeadsAndAPersonDecides() {
            Route r = route(List.of(), new RoutingFacts(null, null, "有个事", null, Urgency.NORMAL));
            assertThat(r.lead()).isNull();
            assertThat(r.manualReason()).contains("无法确定主办单位");
        }
    }

    @Nested
    class Conditions {

        @Test
        void theFirstMatchingRuleWins() {
            List<RoutingRule> rules = List.of(rule("欠薪", keywords("工资"), lead(RSJ)),
                    rule("兜底", When.always(), lead(SCJGJ)));
            assertThat(route(rules, category("15.03", "拖欠工资三个月", GULOU)).rule()).isEqualTo("欠薪");
            assertThat(route(rules, category("15.03", "超市价格", GULOU)).rule()).isEqualTo("兜底");
        }

        @Test
        void anInactiveRuleIsSkipped() {
            List<RoutingRule> rules = List.of(new RoutingRule("停用", false, keywords("工资"), lead(SCJGJ)),
                    rule("欠薪", keywords("工资"), lead(RSJ)));
            assertThat(route(rules, category("15.03", "拖欠工资", GULOU)).lead()).isEqualTo(RSJ);
        }

        @Test
        void aCategoryPrefixMatchesItsCodeAndEverythingBelowButNotALookalike() {
            List<RoutingRule> rules = List.of(rule("市容", new When("09.01", List.of(), List.of(), null), lead(ZHZFJ)));
            assertThat(route(rules, category("09.01.01", "摆摊", null)).rule()).isEqualTo("市容");
            assertThat(route(rules, category("09.01", "摆摊", null)).rule()).isEqualTo("市容");
            assertThat(route(rules, category("09.010", "摆摊", null)).rule()).isNull();
            assertThat(route(rules, category(null, "摆摊", null)).rule()).isNull();
        }

        @Test
        void anyOneOfTheKeywordsIsEnoughAndLatinLettersIgnoreCase() {
            List<RoutingRule> rules = List.of(rule("网约车", keywords("网约车", "didi"), lead(SCJGJ)));
            assertThat(route(rules, category("07.02.02", "DiDi司机绕路", null)).rule()).isEqualTo("网约车");
            assertThat(route(rules, category("07.02.02", "网约车绕路", null)).rule()).isEqualTo("网约车");
            assertThat(route(rules, category("07.02.02", "出租车绕路", null)).rule()).isNull();
        }

        @Test
        void aKeywordMixingLatinAndChineseIgnoresCaseAndAChineseOneIsFoundBesideCapitals() {
            List<RoutingRule> rules = List.of(rule("娱乐场所噪音", keywords("ktv噪音", "歌厅"), lead(SCJGJ)));
            assertThat(route(rules, category("06.01", "楼下KTV噪音到半夜", null)).rule()).isEqualTo("娱乐场所噪音");
            assertThat(route(rules, category("06.01", "楼下KTV歌厅到半夜", null)).rule()).isEqualTo("娱乐场所噪音");
            assertThat(route(rules, category("06.01", "楼下KTV到半夜", null)).rule()).isNull();
        }

        @Test
        void anAreaConditionNeedsTheTerritorialUnitToBeOneOfItsUnits() {
            List<RoutingRule> rules = List.of(rule("城区", new When(null, List.of(), List.of(GULOU), null), lead(ZHZFJ)));
            assertThat(route(rules, category("09.01.01", "摆摊", GULOU)).rule()).isEqualTo("城区");
            assertThat(route(rules, category("09.01.01", "摆摊", HOUYING)).rule()).isNull();
            assertThat(route(rules, category("09.01.01", "摆摊", null)).rule()).isNull();
        }

        @Test
        void anUrgencyConditionNeedsThatUrgency() {
            List<RoutingRule> rules = List.of(rule("紧急", new When(null, List.of(), List.of(), Urgency.URGENT),
                    Then.manual()));
            assertThat(route(rules, new RoutingFacts("10.05.01", null, "积水", GULOU, Urgency.URGENT)).isManual())
                    .isTrue();
            assertThat(route(rules, new RoutingFacts("10.05.01", null, "积水", GULOU, Urgency.NORMAL)).isManual())
                    .isFalse();
        }

        @Test
        void allConditionsOfARuleMustHold() {
            List<RoutingRule> rules = List.of(rule("城区摆摊",
                    new When("09", List.of("摆摊"), List.of(GULOU), Urgency.NORMAL), lead(ZHZFJ)));
            assertThat(route(rules, category("09.01.01", "摆摊", GULOU)).rule()).isEqualTo("城区摆摊");
            assertThat(route(rules, category("08.01.01", "摆摊", GULOU)).rule()).isNull();
            assertThat(route(rules, category("09.01.01", "卖菜", GULOU)).rule()).isNull();
        }
    }

    @Nested
    class Outcomes {

        @Test
        void aFixedLeadWithTheTerritorialUnitAsCoUnit() {
            Route r = route(List.of(rule("欠薪", keywords("欠薪"), new Then(Lead.UNIT, RSJ, List.of(), true))),
                    category("02.01.01", "工地欠薪", GULOU));
            assertThat(r.lead()).isEqualTo(RSJ);
            assertThat(r.coUnits()).containsExactly(GULOU);
        }

        @Test
        void theCategorysDepartmentLeads() {
            Route r = route(List.of(rule("部门", When.always(), new Then(Lead.CATEGORY_DEPARTMENT, null, List.of(ZHZFJ),
                    false))), category("13.02.01", "停电", GULOU));
            assertThat(r.lead()).isEqualTo(new UnitId("dcf-power"));
            assertThat(r.coUnits()).containsExactly(ZHZFJ);
        }

        @Test
        void theTerritorialUnitLeadsWithFixedCoUnits() {
            Route r = route(List.of(rule("违建", When.always(), new Then(Lead.TERRITORIAL_UNIT, null, List.of(ZHZFJ),
                    false))), category("09.03.01", "私搭乱建", HOUYING));
            assertThat(r.lead()).isEqualTo(HOUYING);
            assertThat(r.coUnits()).containsExactly(ZHZFJ);
        }

        @Test
        void theDefaultLeadWithAnAddedCoUnit() {
            Route r = route(List.of(rule("协办", When.always(), new Then(Lead.DEFAULT, null, List.of(SCJGJ), true))),
                    category("02.01.01", "欠薪", GULOU));
            assertThat(r.lead()).isEqualTo(RSJ);
            assertThat(r.coUnits()).containsExactly(SCJGJ, GULOU);
        }

        @Test
        void theLeadIsNeverAlsoACoUnit() {
            Route r = route(List.of(rule("属地", When.always(), new Then(Lead.TERRITORIAL_UNIT, null, List.of(), true))),
                    category("09.03.01", "违建", GULOU));
            assertThat(r.lead()).isEqualTo(GULOU);
            assertThat(r.coUnits()).isEmpty();
        }

        @Test
        void aManualRuleSendsTheOrderToAPerson() {
            Route r = route(List.of(rule("轻生", keywords("轻生"), Then.manual())), category("02.01.01", "欠薪想轻生", GULOU));
            assertThat(r.isManual()).isTrue();
            assertThat(r.lead()).isNull();
            assertThat(r.manualReason()).isEqualTo("规则“轻生”要求人工派单");
        }

        @Test
        void aRuleNeedingTheTerritorialUnitWhenNoneWasFoundSendsTheOrderToAPerson() {
            Route r = route(List.of(rule("欠薪", keywords("欠薪"), new Then(Lead.UNIT, RSJ, List.of(), true))),
                    category("02.01.01", "工地欠薪", null));
            assertThat(r.isManual()).isTrue();
            assertThat(r.manualReason()).contains("属地");
            Route territorial = route(List.of(rule("属地", When.always(),
                    new Then(Lead.TERRITORIAL_UNIT, null, List.of(), false))), category("09.03.01", "违建", null));
            assertThat(territorial.lead()).isNull();
            assertThat(territorial.isManual()).isTrue();
        }

        @Test
        void aUnitModelsPredictionIsReplacedByARulesLead() {
            Route r = route(List.of(rule("欠薪", keywords("欠薪"), lead(RSJ))),
                    new RoutingFacts(null, SCJGJ, "商场欠薪", GULOU, Urgency.NORMAL));
            assertThat(r.lead()).isEqualTo(RSJ);
        }

        @Test
        void aUnitModelsCategoryConditionsLookAtTheOrdersCategory() {
            List<RoutingRule> rules = List.of(rule("市容", new When("09", List.of(), List.of(), null), lead(ZHZFJ)));
            assertThat(route(rules, new RoutingFacts("09.01.01", SCJGJ, "摆摊", GULOU, Urgency.NORMAL)).lead())
                    .isEqualTo(ZHZFJ);
            assertThat(route(rules, new RoutingFacts(null, SCJGJ, "摆摊", GULOU, Urgency.NORMAL)).lead())
                    .isEqualTo(SCJGJ);
        }
    }
}
