package org.hotline.dispatch.internal.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hotline.dispatch.RoutingRule;
import org.hotline.dispatch.RoutingRules;
import org.hotline.organization.Actor;
import org.hotline.organization.Categories;
import org.hotline.organization.Units;
import org.hotline.platform.InvalidInputException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The routing rules for the admin (the whole {@code /api/v1/admin} tree is for ADMIN only). The ordered list
 * is read and replaced as a whole, atomically: order is meaning here (first match wins), and an admin
 * reorders, adds and removes rules in one edit that either applies entirely or not at all.
 */
@RestController
@RequestMapping("/api/v1/admin/dispatch/rules")
@Tag(name = "派单规则", description = "Routing rules of AI dispatch: ordered, first match wins")
class RoutingRulesController {

    record RuleList(long version, Instant updatedAt, String updatedBy, List<RuleView> rules) {
    }

    /** {@code version}, when given, must be the version the admin read; otherwise the change is a conflict. */
    record RuleListChange(Long version, List<RuleView> rules) {
    }

    private final RuleStore store;
    private final Units units;
    private final Categories categories;

    RoutingRulesController(RuleStore store, Units units, Categories categories) {
        this.store = store;
        this.units = units;
        this.categories = categories;
    }

    @GetMapping
    @Operation(summary = "The routing rules in the order they are tried")
    RuleList get() {
        return view(store.current());
    }

    @PutMapping
    @Transactional
    @Operation(summary = "Replace the whole ordered rule list; a problem names its field, e.g. rules[2].leadUnit")
    RuleList replace(@RequestBody RuleListChange change, Actor actor) {
        if (change == null || change.rules() == null) {
            throw new InvalidInputException("rules", "必须提供规则列表（可以为空列表）");
        }
        List<RoutingRule> rules = new ArrayList<>();
        for (int i = 0; i < change.rules().size(); i++) {
            RuleView view = change.rules().get(i);
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
        return view(store.replace(rules, change.version(), actor.username()));
    }

    private static RuleList view(RuleStore.RuleSet set) {
        return new RuleList(set.version(), set.updatedAt(), set.updatedBy(),
                set.rules().all().stream().map(RuleView::of).toList());
    }
}
