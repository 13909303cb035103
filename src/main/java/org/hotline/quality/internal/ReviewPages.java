package org.hotline.quality.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.organization.Actor;
import org.hotline.quality.NextStep;
import org.hotline.quality.ReplyCheck;
import org.hotline.quality.ReviewLevel;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrderService;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 审核 (/console/review): the review queue of each level the viewer reviews, oldest reply first, and beside it the
 * selected reply with its appeal, to approve or send back with a reason.
 *
 * <p>An adapter like {@link QualityController}: the queue is {@link QualityLoop#reviewQueue}, the decision
 * {@link QualityLoop#review} with the level the page showed as the expected level, so that two reviewers looking
 * at one reply cannot decide the same level twice (the second gets the service's 409 reason). Whether the viewer
 * may decide the selected reply is the reply check's own answer ({@link QualityLoop#reviewCase}). Selecting
 * another reply swaps the two panes through htmx and is a plain link without it.
 */
@ConsoleController
@RequestMapping("/console/review")
class ReviewPages {

    static final int PAGE_SIZE = 20;

    private final QualityLoop loop;
    private final WorkOrderService orders;
    private final QualityPages pages;
    private final MessageSource messages;
    private final ReplyQualityScores quality;

    ReviewPages(QualityLoop loop, WorkOrderService orders, QualityPages pages, MessageSource messages,
            ReplyQualityScores quality) {
        this.loop = loop;
        this.quality = quality;
        this.orders = orders;
        this.pages = pages;
        this.messages = messages;
    }

    /** One tab: a level the viewer reviews and how many replies wait for them there. */
    record Tab(String level, String label, long waiting) {
    }

    @GetMapping
    String queue(@RequestParam(required = false) ReviewLevel level, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) String n, Actor actor, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-Boosted", required = false) String boosted) {
        List<Tab> tabs = new ArrayList<>();
        for (ReviewLevel l : EnumSet.allOf(ReviewLevel.class)) {
            if (l.isReviewedBy(actor.role())) {
                tabs.add(new Tab(l.name(), l.label(), loop.reviewQueue(l, actor, 0, 1).total()));
            }
        }
        // a role that reviews nothing is refused by the queue itself (403), with its reason
        ReviewLevel shown = level != null ? level : tabs.stream().filter(t -> t.waiting() > 0).findFirst()
                .or(() -> tabs.stream().findFirst()).map(t -> ReviewLevel.valueOf(t.level())).orElse(null);
        int from = QualityPages.page(page);
        var queue = loop.reviewQueue(shown, actor, from, PAGE_SIZE);
        OrderNumber selected = n != null && !n.isBlank() ? QualityPages.number(n.strip())
                : queue.items().isEmpty() ? null : new OrderNumber(queue.items().get(0).number());
        model.addAttribute("tabs", tabs);
        model.addAttribute("level", shown == null ? null : shown.name());
        model.addAttribute("queue", queue);
        model.addAttribute("page", from);
        model.addAttribute("pages", (queue.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("selected", selected == null ? null : selected.value());
        model.addAttribute("next", selected == null ? null
                : QualityPages.next(queue.items().stream().map(QualityViews.ReviewItem::number).toList(), selected.value()));
        if (selected != null) {
            QualityLoop.ReviewCase c = loop.reviewCase(selected, actor);
            ReviewView item = ReviewView.of(c, orders.attachments(selected, actor), actor, pages);
            model.addAttribute("item", item);
            // the automatic score of the reply under review, shown before the decision (issue 16)
            model.addAttribute("quality", item.reply() == null ? null
                    : quality.find(item.number(), item.reply().seq()).orElse(null));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return QualityPages.partial(htmx, boosted) ? "quality/review :: panes" : "quality/review";
    }

    @PostMapping("/{number}/decision")
    String decide(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        OrderNumber n = QualityPages.number(number);
        ReviewLevel tab = QualityPages.choice(ReviewLevel.class, form, "tab", "tab");
        Integer page = QualityPages.pageOf(form.get("page"));
        try {
            ReviewLevel expected = QualityPages.choice(ReviewLevel.class, form, "level", "level");
            Boolean approve = QualityPages.yesNo(form, "approve", "approve");
            var r = pages.valid(new QualityController.ReviewDecisionRequest(approve,
                    QualityPages.blankToNull(form.get("reason")), expected));
            ReplyCheck check = loop.review(n, r.level(), r.approve(), r.reason(), actor);
            flash.addFlashAttribute("outcome", outcome(n, r.level(), r.approve(), check));
            if (tab != null) {
                flash.addAttribute("level", tab.name());
            }
            if (page != null && page > 0) {
                flash.addAttribute("page", page);
            }
            String next = QualityPages.blankToNull(form.get("next"));
            if (next != null && !next.equals(n.value()) && OrderNumber.isWellFormed(next)) {
                flash.addAttribute("n", next);
            }
            return "redirect:/console/review";
        } catch (RuntimeException e) {
            // the reviewer's to fix (no reason, a level decided meanwhile): the page as it is now, with why
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("form", form);
            return queue(tab, page, n.value(), actor, model, null, null);
        }
    }

    /** What the decision led to, from the check's answer: the next level, the callback, the close, or a redo. */
    private String outcome(OrderNumber n, ReviewLevel decided, boolean approved, ReplyCheck check) {
        NextStep next = check.next();
        String level = check.decisions().isEmpty() ? (decided == null ? "" : decided.label())
                : check.decisions().get(check.decisions().size() - 1).level().label();
        if (next instanceof NextStep.AwaitReview r) {
            return text("review.done.next-level", n.value(), level, r.level().label());
        }
        if (next instanceof NextStep.AwaitCallback) {
            return text("review.done.callback", n.value(), level);
        }
        if (next instanceof NextStep.Close c) {
            return text("review.done.closed", n.value(), level, c.note());
        }
        if (next instanceof NextStep.Redo) {
            return text("review.done.redo", n.value(), level);
        }
        return text(approved ? "review.done.approved" : "review.done.redo", n.value(), level);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    /** The reply after the selected one in the list (or the one before, for the last): selected after a decision. */
}
