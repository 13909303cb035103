package org.hotline.dispatch.internal.routing;

import java.util.ArrayList;
import java.util.List;

import org.hotline.dispatch.RoutingRule;
import org.hotline.organization.UnitId;
import org.hotline.workorder.Urgency;

/**
 * A routing rule as the admin API and the default-rules file spell it: flat, so that a problem names its
 * field as {@code rules[2].leadUnit}. Missing lists are empty, missing {@code active} means active.
 */
record RuleView(String name, Boolean active, String categoryPrefix, List<String> keywords, List<String> areas,
        Urgency urgency, RoutingRule.Lead lead, String leadUnit, List<String> coUnits, Boolean territorialCoUnit) {

    static RuleView of(RoutingRule rule) {
        RoutingRule.When when = rule.when();
        RoutingRule.Then then = rule.then();
        return new RuleView(rule.name(), rule.active(), when.categoryPrefix(), when.keywords(),
                ids(when.areas()), when.urgency(), then.lead(),
                then.leadUnit() == null ? null : then.leadUnit().value(), ids(then.coUnits()),
                then.territorialCoUnit());
    }

    /** The domain rule; blank ids become null so that the rule check names them instead of failing here. */
    RoutingRule toRule() {
        RoutingRule.When when = new RoutingRule.When(blankToNull(categoryPrefix),
                keywords == null ? List.of() : keywords.stream().map(k -> k == null ? null : k.strip()).toList(),
                unitIds(areas), urgency);
        RoutingRule.Then then = new RoutingRule.Then(lead == null ? RoutingRule.Lead.DEFAULT : lead,
                unitId(leadUnit), unitIds(coUnits), Boolean.TRUE.equals(territorialCoUnit));
        return new RoutingRule(name == null ? "" : name.strip(), active == null || active, when, then);
    }

    private static List<String> ids(List<UnitId> units) {
        return units.stream().map(UnitId::value).toList();
    }

    private static List<UnitId> unitIds(List<String> ids) {
        List<UnitId> units = new ArrayList<>();
        if (ids != null) {
            ids.forEach(id -> units.add(unitId(id)));
        }
        return units;
    }

    private static UnitId unitId(String id) {
        return id == null || id.isBlank() ? null : new UnitId(id.strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
