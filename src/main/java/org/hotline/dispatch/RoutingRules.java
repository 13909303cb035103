package org.hotline.dispatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hotline.organization.Categories;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.UnitKind;
import org.hotline.organization.Units;

/**
 * The ordered routing rules and what they decide for one order; first match wins. Without a matching rule
 * the routing table decides: the unit a unit model predicted, else the category's default department, else
 * the territorial unit, and no co-units. A rule may send an order to manual dispatch; a rule that cannot be
 * carried out (it wants the territorial unit and none was found) does so too, rather than half-dispatch.
 */
public final class RoutingRules {

    /** What a rule-less order gets: the routing table's default. */
    private static final RoutingRule.Then NO_RULE = new RoutingRule.Then(RoutingRule.Lead.DEFAULT, null, List.of(),
            false);

    private final List<RoutingRule> rules;
    private final Categories categories;

    public RoutingRules(List<RoutingRule> rules, Categories categories) {
        this.rules = List.copyOf(rules);
        this.categories = categories;
    }

    public List<RoutingRule> all() {
        return rules;
    }

    /** The same rules over another view of the taxonomy (the dispatch directory's, see {@link DispatchDirectory#routing}). */
    public RoutingRules with(Categories categories) {
        return new RoutingRules(rules, categories);
    }

    /**
     * Routes one order for several candidate answers (its likely categories): what does not depend on the
     * category (the keywords in the text) is looked at once for all of them.
     */
    public final class Router {
        private final RoutingRule.LoweredText text;
        private final byte[] memo = new byte[rules.size()];

        private Router(String text) {
            this.text = new RoutingRule.LoweredText(text);
        }

        public Route route(RoutingFacts facts) {
            for (int i = 0; i < rules.size(); i++) {
                RoutingRule rule = rules.get(i);
                if (rule.active() && rule.when().holdsFor(facts, text, memo, i)) {
                    return apply(rule.name(), rule.then(), facts);
                }
            }
            return apply(null, NO_RULE, facts);
        }
    }

    /** A router for one order's text. */
    public Router router(String text) {
        return new Router(text);
    }

    public Route route(RoutingFacts facts) {
        RoutingRule.LoweredText text = new RoutingRule.LoweredText(facts.text());
        for (RoutingRule rule : rules) {
            if (rule.active() && rule.when().holdsFor(facts, text)) {
                return apply(rule.name(), rule.then(), facts);
            }
        }
        return apply(null, NO_RULE, facts);
    }

    private Route apply(String rule, RoutingRule.Then then, RoutingFacts facts) {
        if (then.lead() == RoutingRule.Lead.MANUAL) {
            return new Route(null, List.of(), rule, "规则“" + rule + "”要求人工派单");
        }
        UnitId lead = switch (then.lead()) {
            case DEFAULT -> defaultLead(facts);
            case UNIT -> then.leadUnit();
            case CATEGORY_DEPARTMENT -> categoryDepartment(facts.categoryCode());
            case TERRITORIAL_UNIT -> facts.territorialUnit();
            case MANUAL -> throw new IllegalStateException("handled above");
        };
        if (lead == null) {
            return new Route(null, List.of(), rule, whyNoLead(then.lead(), facts));
        }
        if (then.territorialCoUnit() && facts.territorialUnit() == null) {
            return new Route(lead, then.coUnits(), rule,
                    "规则“" + rule + "”要求属地协办，但未能从地址或诉求内容中识别属地");
        }
        Set<UnitId> co = new LinkedHashSet<>(then.coUnits());
        if (then.territorialCoUnit()) {
            co.add(facts.territorialUnit());
        }
        co.remove(lead);
        return new Route(lead, new ArrayList<>(co), rule, null);
    }

    private UnitId defaultLead(RoutingFacts facts) {
        if (facts.predictedUnit() != null) {
            return facts.predictedUnit();
        }
        UnitId department = categoryDepartment(facts.categoryCode());
        return department != null ? department : facts.territorialUnit();
    }

    private UnitId categoryDepartment(String code) {
        return code == null ? null : categories.defaultUnitOf(code).orElse(null);
    }

    private static String whyNoLead(RoutingRule.Lead lead, RoutingFacts facts) {
        return switch (lead) {
            case CATEGORY_DEPARTMENT -> facts.categoryCode() == null ? "没有分类，无法确定主管部门"
                    : "分类 " + facts.categoryCode() + " 没有默认主管部门";
            case TERRITORIAL_UNIT -> "未能从地址或诉求内容中识别属地";
            default -> "分类没有默认主管部门，也未能识别属地，无法确定主办单位";
        };
    }

    /** A rule the admin must fix, naming the field as the API spells it, e.g. {@code rules[2].leadUnit}. */
    public record Problem(String field, String message) {
    }

    /**
     * Everything wrong with a rule list before it replaces the current one: names blank or repeated, unknown
     * or inactive units, areas that are not territorial units, unknown categories, blank keywords, a fixed
     * lead without its unit. Empty when the list may be saved.
     */
    public static List<Problem> check(List<RoutingRule> rules, Units units, Categories categories) {
        List<Problem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i);
            String at = "rules[" + i + "].";
            if (rule.then().lead() == RoutingRule.Lead.MANUAL
                    && (rule.then().territorialCoUnit() || !rule.then().coUnits().isEmpty())) {
                problems.add(new Problem(at + "coUnits", "转人工派单的规则不能指定协办单位"));
            }
            if (rule.name().isBlank()) {
                problems.add(new Problem(at + "name", "规则名称不能为空"));
            } else if (rule.name().length() > 100) {
                problems.add(new Problem(at + "name", "规则名称不能超过100个字"));
            } else if (!names.add(rule.name().strip())) {
                problems.add(new Problem(at + "name", "规则名称重复：" + rule.name()));
            }
            RoutingRule.When when = rule.when();
            if (when.categoryPrefix() != null && categories.find(when.categoryPrefix()).isEmpty()) {
                problems.add(new Problem(at + "categoryPrefix", "未知分类：" + when.categoryPrefix()));
            }
            for (int k = 0; k < when.keywords().size(); k++) {
                String keyword = when.keywords().get(k);
                if (keyword == null || keyword.isBlank()) {
                    problems.add(new Problem(at + "keywords[" + k + "]", "关键词不能为空"));
                }
            }
            for (int k = 0; k < when.areas().size(); k++) {
                UnitId area = when.areas().get(k);
                Optional<Unit> unit = area == null ? Optional.empty() : units.find(area);
                if (area == null) {
                    problems.add(new Problem(at + "areas[" + k + "]", "必须指定属地单位"));
                } else if (unit.isEmpty()) {
                    problems.add(new Problem(at + "areas[" + k + "]", "未知单位：" + area));
                } else if (unit.get().kind() != UnitKind.TERRITORIAL) {
                    problems.add(new Problem(at + "areas[" + k + "]", "不是属地单位（镇街、园区）：" + unit.get().name()));
                }
            }
            RoutingRule.Then then = rule.then();
            if (then.lead() == RoutingRule.Lead.UNIT) {
                checkUnit(problems, at + "leadUnit", then.leadUnit(), units);
            } else if (then.leadUnit() != null) {
                problems.add(new Problem(at + "leadUnit", "只有主办方式为“指定单位”时才能指定主办单位"));
            }
            for (int k = 0; k < then.coUnits().size(); k++) {
                checkUnit(problems, at + "coUnits[" + k + "]", then.coUnits().get(k), units);
            }
        }
        return problems;
    }

    private static void checkUnit(List<Problem> problems, String field, UnitId id, Units units) {
        if (id == null) {
            problems.add(new Problem(field, "必须指定单位"));
            return;
        }
        Optional<Unit> unit = units.find(id);
        if (unit.isEmpty()) {
            problems.add(new Problem(field, "未知单位：" + id));
        } else if (!unit.get().active()) {
            problems.add(new Problem(field, "单位已停用：" + unit.get().name()));
        }
    }
}
