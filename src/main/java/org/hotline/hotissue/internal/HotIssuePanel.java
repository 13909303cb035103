package org.hotline.hotissue.internal;

import org.hotline.console.ConsoleController;
import org.hotline.organization.Actor;
import org.hotline.platform.ForbiddenException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The intake screen's hot-issue panel (热点问题), an htmx fragment that follows the operator's typing like the
 * triage and knowledge panels: the hot issue the appeal would join, from its content and address as typed (the
 * same grouping that attaches the order once registered, {@link HotIssueService#match}), with its place, problem,
 * heat and how many orders and citizens raised it, and a link to it; or that it would be an issue of its own.
 * The operator answers consistently and sees a repeat appeal. Nothing is recorded while typing.
 */
@ConsoleController
class HotIssuePanel {

    /** As the other intake panels: past this, the text is cut (a letter's tail adds no place). */
    static final int MAX_TEXT = 4000;

    private final HotIssueService hotIssues;

    HotIssuePanel(HotIssueService hotIssues) {
        this.hotIssues = hotIssues;
    }

    @PostMapping("/console/intake/hot-issue")
    String match(@RequestParam(required = false) String content, @RequestParam(required = false) String address,
            Actor actor, Model model) {
        // hot issues are the center's, as on their own pages
        if (!actor.isCenter()) {
            throw new ForbiddenException("not-permitted", "热点问题只对中心人员开放");
        }
        String text = clip(content);
        model.addAttribute("typed", text != null);
        model.addAttribute("issue", text == null ? null : hotIssues.match(text, clip(address)).orElse(null));
        return "hotissue/intake-panel :: hot-issue";
    }

    private static String clip(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }
}
