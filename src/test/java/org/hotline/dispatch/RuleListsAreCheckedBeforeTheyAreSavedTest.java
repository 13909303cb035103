package org.hotline.dispatch;

import org.hotline.dispatch.internal.routing.DemoOrganization;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.hotline.dispatch.RoutingRule.Lead;
import org.hotline.dispatch.RoutingRule.Then;
import org.hotline.dispatch.RoutingRule.When;
import org.hotline.organization.UnitId;
import org.junit.jupiter.api.Test;

/** Every problem of a rule list names its field the way the admin API spells it. */
class RuleListsAreCheckedBeforeTheyAreSavedTest {

    private static List<RoutingRules.Problem> check(RoutingRule... rules) {
        return RoutingRules.check(List.of(rules), DemoOrganization.DONGCHANGFU.units(),
                DemoOrganization.DONGCHANGFU.categories());
    }

    private static RoutingRule rule(String name, When when, Then then) {
        return new RoutingRule(name, true, when, then);
    }

    private static final Then RSJ = new Then(Lead.UNIT, new UnitId("dcf-rsj"), List.of(), true);

    @Test
    void aSoundListHasNoProblems() {
        assertThat(check(rule("欠薪", new When("02", List.of("欠薪"), List.of(new UnitId("dcf-gulou")), null), RSJ)))
                .isEmpty();
    }

    @Test
    void anUnknownLeadUnitIsNamedByItsPosition() {
        assertThat(check(rule("a", When.always(), RSJ), rule("b", When.always(), RSJ),
                rule("c", When.always(), new Then(Lead.UNIT, new UnitId("dcf-nowhere"), List.of(), false))))
                .containsExactly(new RoutingRules.Problem("rules[2].leadUnit", "未知单位：dcf-nowhere"));
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        List<RoutingRules.Problem> problems = check(
                rule("", new When("99.99", Arrays.asList("欠薪", " "), List.of(new UnitId("dcf-rsj")), null),
                        new Then(Lead.UNIT, null, Arrays.asList(new UnitId("dcf-nowhere")), false)),
                rule("重复", When.always(), RSJ), rule("重复", When.always(), RSJ));
        assertThat(problems).extracting(RoutingRules.Problem::field).containsExactly("rules[0].name",
                "rules[0].categoryPrefix", "rules[0].keywords[1]", "rules[0].areas[0]", "rules[0].leadUnit",
                "rules[0].coUnits[0]", "rules[2].name");
    }
}
