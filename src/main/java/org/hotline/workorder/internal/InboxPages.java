package org.hotline.workorder.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.deadline.Deadlines;
import org.hotline.organization.Actor;
import org.hotline.platform.NotFoundException;
import org.hotline.workorder.Inbox;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderNumberParameter;
import org.hotline.workorder.WorkList;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 待办 (/console/inbox): a unit's work page, the one its handlers keep open on their phones. The orders the unit
 * leads, by the deadline it works to next and marked overdue, at risk or on track; the parts it owes as co-unit,
 * by their own deadlines; counters that narrow the lists. Acknowledging (签收, and a co-unit's 协办签收) takes one
 * tap on the line (htmx answers with the line as it is now, and the counters); everything else is done on the
 * order page, whose forms the line leads to.
 *
 * <p>An adapter like {@link WorkOrderController}: the lists are {@link WorkOrderService#inbox}, the actions offered
 * on a line are those the order itself offers the viewer ({@link WorkOrderService#actionsFor}), and a tap calls the
 * same service method as the REST API. Another unit's order is "not found", as everywhere.
 */
@ConsoleController
@RequestMapping("/console/inbox")
class InboxPages {

    static final int PAGE_SIZE = 20;

    private final WorkOrderService service;
    private final WorkRows rows;
    private final Deadlines deadlines;
    private final Clock clock;

    InboxPages(WorkOrderService service, WorkRows rows, Deadlines deadlines, Clock clock) {
        this.service = service;
        this.rows = rows;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @GetMapping
    String inbox(@RequestParam(required = false) Inbox.Filter filter, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "0") int cpage, Actor actor, Model model) {
        Inbox inbox = service.inbox(filter, Math.max(0, page), Math.max(0, cpage), PAGE_SIZE, actor);
        List<OrderNumber> shown = new ArrayList<>();
        inbox.led().items().forEach(i -> shown.add(i.order().number()));
        inbox.coHandled().items().forEach(i -> shown.add(i.order().number()));
        var actions = service.actionsFor(shown, actor);
        model.addAttribute("inbox", inbox);
        model.addAttribute("filters", Inbox.Filter.values());
        model.addAttribute("led", rows.of(inbox.led(), actor, actions));
        model.addAttribute("parts", rows.of(inbox.coHandled(), actor, actions));
        model.addAttribute("unitName", rows.unitName(actor.unit()));
        model.addAttribute("here", here(inbox.filter(), inbox.led().page(), inbox.coHandled().page()));
        return "workorder/inbox";
    }

    /** 签收 from the list: the lead unit acknowledges with one tap. */
    @PostMapping("/{number}/acknowledge")
    String acknowledge(@PathVariable String number, @RequestParam Map<String, String> form,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        return tap(number, form, htmx, actor, model, flash, response, false, n -> {
            service.acknowledge(n, actor, null);
            return "order.done.acknowledge";
        });
    }

    /** 协办签收 from the list: the co-unit acknowledges its part with one tap. */
    @PostMapping("/{number}/co-unit/acknowledge")
    String acknowledgeAsCoUnit(@PathVariable String number, @RequestParam Map<String, String> form,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        return tap(number, form, htmx, actor, model, flash, response, true, n -> {
            service.acknowledgeAsCoUnit(n, actor, null);
            return "order.done.co-unit-acknowledge";
        });
    }

    @FunctionalInterface
    private interface Step {
        /** Does the action; answers the message key of the notice shown after it. */
        String run(OrderNumber number);
    }

    /**
     * One tap on a line. From htmx: the line as it is now (with the notice, or the rule's reason why not) and the
     * counters, swapped in place; htmx swaps only successful answers, so a refusal is a line too. Without script:
     * back to the list where it was (post, redirect, get), or the list with the reason.
     */
    private String tap(String number, Map<String, String> form, String htmx, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response, boolean asCoUnit, Step step) {
        OrderNumber n = number(number);
        Inbox.Filter filter = filter(form.get("filter"));
        int page = page(form.get("page"));
        int cpage = page(form.get("cpage"));
        String notice = null;
        PageErrors errors = PageErrors.none();
        try {
            notice = step.run(n);
        } catch (RuntimeException e) {
            // the user's to fix (a rule that says no, a stale list); another unit's order goes on to the 404 page
            errors = PageErrors.of(e).orElseThrow(() -> e);
        }
        if ("true".equals(htmx)) {
            WorkOrder order = service.find(n, actor);
            WorkList.Item item = asCoUnit
                    ? WorkList.Item.part(order, actor.unit(), clock.instant(), deadlines).orElseThrow()
                    : WorkList.Item.led(order, clock.instant(), deadlines);
            model.addAttribute("row", rows.row(item, actor,
                    service.actionsFor(List.of(n), actor).getOrDefault(n, Map.of())));
            model.addAttribute("rowNotice", notice);
            model.addAttribute("rowError", errors.rejection());
            model.addAttribute("inbox", service.inbox(filter, 0, 0, 1, actor));
            model.addAttribute("filters", Inbox.Filter.values());
            model.addAttribute("here", here(filter, page, cpage));
            return asCoUnit ? "workorder/inbox :: partSwap" : "workorder/inbox :: ledSwap";
        }
        if (errors.isEmpty()) {
            flash.addFlashAttribute("notice", notice);
            return "redirect:" + here(filter, page, cpage);
        }
        response.setStatus(errors.status().value());
        model.addAttribute(PageErrors.ATTRIBUTE, errors);
        return inbox(filter, page, cpage, actor, model);
    }

    /** The list's address with its filter and pages, to come back to after a tap. */
    static String here(Inbox.Filter filter, int page, int cpage) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/inbox");
        if (filter != null && filter != Inbox.Filter.ALL) {
            uri.queryParam("filter", filter.name());
        }
        if (page > 0) {
            uri.queryParam("page", page);
        }
        if (cpage > 0) {
            uri.queryParam("cpage", cpage);
        }
        return uri.build().toUriString();
    }

    private static Inbox.Filter filter(String value) {
        if (value == null || value.isBlank()) {
            return Inbox.Filter.ALL;
        }
        try {
            return Inbox.Filter.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return Inbox.Filter.ALL; // where to come back to is no reason to refuse the tap itself
        }
    }

    private static int page(String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static OrderNumber number(String number) {
        return OrderNumberParameter.parse(number);
    }
}
