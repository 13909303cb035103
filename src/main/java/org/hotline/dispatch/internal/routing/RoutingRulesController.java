package org.hotline.dispatch.internal.routing;

import java.time.Instant;
import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.platform.InvalidInputException;
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

    private final RuleEditing editing;

    RoutingRulesController(RuleEditing editing) {
        this.editing = editing;
    }

    @GetMapping
    @Operation(summary = "The routing rules in the order they are tried")
    RuleList get() {
        return view(editing.current());
    }

    @PutMapping
    @Operation(summary = "Replace the whole ordered rule list; a problem names its field, e.g. rules[2].leadUnit")
    RuleList replace(@RequestBody RuleListChange change, Actor actor) {
        if (change == null) {
            throw new InvalidInputException("rules", "必须提供规则列表（可以为空列表）");
        }
        return view(editing.replace(change.rules(), change.version(), actor.username()));
    }

    private static RuleList view(RuleStore.RuleSet set) {
        return new RuleList(set.version(), set.updatedAt(), set.updatedBy(),
                set.rules().all().stream().map(RuleView::of).toList());
    }
}
