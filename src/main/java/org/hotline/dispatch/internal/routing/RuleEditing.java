package org.hotline.dispatch.internal.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hotline.dispatch.RoutingRule;
import org.hotline.dispatch.RoutingRules;
import org.hotline.organization.Categories;
import org.hotline.organization.Units;
import org.hotline.platform.AdminAudit;
import org.hotline.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's edit of the routing rules, for the API and the console alike: the whole ordered list is checked
 * ({@link RoutingRules#check}) and replaces the current one atomically, or nothing changes. Order is meaning (first
 * match wins), so a move, an addition or a removal is an edit of the list like any other. A problem names its field
 * as the API spells it ({@code rules[2].leadUnit}); a list changed by someone else since it was read is a conflict.
 * A replacement that changes the list is a line of the administrators' audit, in its transaction: the rules added,
 * removed and changed by name, and whether the order changed.
 */
@Service
class RuleEditing {

    private final RuleStore store;
    private final Units units;
    private final Categories categories;
    private final AdminAudit audit;

    RuleEditing(RuleStore store, Units units, Categories categories, AdminAudit audit) {
        this.store = store;
        this.units = units;
        this.categories = categories;
        this.audit = audit;
    }

    RuleStore.RuleSet current() {
        return store.current();
    }

    /** Replaces the list with {@code views} if every rule passes; {@code version}, when given, must be current. */
    @Transactional
    RuleStore.RuleSet replace(List<RuleView> views, Long version, String actor) {
        if (views == null) {
            throw new InvalidInputException("rules", "必须提供规则列表（可以为空列表）");
        }
        List<RoutingRule> rules = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            RuleView view = views.get(i);
            if (view == null) {
                throw new InvalidInputException("rules[" + i + "]", "规则不能为空");
            }
            if (view.lead() == null) {
                throw new InvalidInputException("rules[" + i + "].lead",
                        "必须指定主办方式：DEFAULT、UNIT、CATEGORY_DEPARTMENT、TERRITORIAL_UNIT 或 MANUAL");
            }
            rules.add(view.toRule());
        }
        List<RoutingRules.Problem> problems = RoutingRules.check(rules, units, categories);
        if (!problems.isEmpty()) {
            RoutingRules.Problem first = problems.get(0);
            throw new InvalidInputException(first.field(), first.message());
        }
        RuleStore.RuleSet before = store.committed();
        RuleStore.RuleSet after = store.replace(rules, version, actor);
        AdminAudit.Changes changes = differences(before.rules().all(), rules);
        if (!changes.isEmpty()) {
            audit.record(actor, AdminAudit.ROUTING_RULES, "rules", "REPLACE", changes.summary(
                    "修改派单规则（版本 " + before.version() + " → " + after.version() + "，共 " + rules.size() + " 条）"));
        }
        return after;
    }

    /** What a new list changes, rule by rule (by name, which is unique), and whether the order changed. */
    static AdminAudit.Changes differences(List<RoutingRule> before, List<RoutingRule> after) {
        Map<String, RoutingRule> was = new LinkedHashMap<>();
        before.forEach(r -> was.put(r.name(), r));
        Map<String, RoutingRule> now = new LinkedHashMap<>();
        after.forEach(r -> now.put(r.name(), r));
        AdminAudit.Changes changes = AdminAudit.changes();
        now.keySet().stream().filter(n -> !was.containsKey(n)).forEach(n -> changes.note("新增「" + n + "」"));
        was.keySet().stream().filter(n -> !now.containsKey(n)).forEach(n -> changes.note("删除「" + n + "」"));
        for (RoutingRule r : after) {
            RoutingRule old = was.get(r.name());
            if (old != null && !old.equals(r)) {
                List<String> parts = new ArrayList<>();
                if (old.active() != r.active()) {
                    parts.add(r.active() ? "启用" : "停用");
                }
                if (!Objects.equals(old.when(), r.when())) {
                    parts.add("条件");
                }
                if (!Objects.equals(old.then(), r.then())) {
                    parts.add(old.then().lead() == r.then().lead() ? "派单方式"
                            : "派单方式（" + old.then().lead().label() + " → " + r.then().lead().label() + "）");
                }
                changes.note("修改「" + r.name() + "」：" + String.join("、", parts));
            }
        }
        List<String> keptBefore = was.keySet().stream().filter(now::containsKey).toList();
        List<String> keptAfter = now.keySet().stream().filter(was::containsKey).toList();
        if (!keptBefore.equals(keptAfter)) {
            changes.note("调整顺序");
        }
        return changes;
    }
}
