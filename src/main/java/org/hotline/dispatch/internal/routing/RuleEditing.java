package org.hotline.dispatch.internal.routing;

import java.util.ArrayList;
import java.util.List;

import org.hotline.dispatch.RoutingRule;
import org.hotline.dispatch.RoutingRules;
import org.hotline.organization.Categories;
import org.hotline.organization.Units;
import org.hotline.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's edit of the routing rules, for the API and the console alike: the whole ordered list is checked
 * ({@link RoutingRules#check}) and replaces the current one atomically, or nothing changes. Order is meaning (first
 * match wins), so a move, an addition or a removal is an edit of the list like any other. A problem names its field
 * as the API spells it ({@code rules[2].leadUnit}); a list changed by someone else since it was read is a conflict.
 */
@Service
class RuleEditing {

    private final RuleStore store;
    private final Units units;
    private final Categories categories;

    RuleEditing(RuleStore store, Units units, Categories categories) {
        this.store = store;
        this.units = units;
        this.categories = categories;
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
        return store.replace(rules, version, actor);
    }
}
