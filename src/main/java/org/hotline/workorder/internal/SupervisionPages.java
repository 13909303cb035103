package org.hotline.workorder.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.deadline.Deadlines;
import org.hotline.organization.Actor;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderNumberParameter;
import org.hotline.workorder.OrderPage;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.SupervisionLists;
import org.hotline.workorder.WorkList;
import org.hotline.workorder.WorkOrder;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 督办 (/console/supervision): the supervisors' desk (the director may open it too). Its lists across units, one
 * per tab with its count: overdue, at risk, not acknowledged in time, redone twice or more, filtered by lead unit
 * and category and sorted by deadline or by unit; on each line, supervising takes one action, with the reason
 * chosen for the list already selected (and words of one's own if wanted). 并单 (/console/supervision/merges)
 * merges a repeat appeal into its master. The escalations after two redos (转督办) are the quality loop's, on its
 * own page beside these (quality.internal.EscalationPages).
 *
 * <p>An adapter like {@link WorkOrderController}: the lists are {@link WorkOrderService#supervision}, a line offers
 * 督办 exactly when the order does ({@link WorkOrderService#actionsFor}), and supervising and merging are the REST
 * API's own service calls, with its request checks.
 */
@ConsoleController
@RequestMapping("/console/supervision")
class SupervisionPages {

    static final int PAGE_SIZE = 25;

    /** The reasons offered for pressing a unit, the list's own first. */
    static final Map<SupervisionLists.Kind, String> REASON_FOR = Map.of(
            SupervisionLists.Kind.OVERDUE, "supervise.reason.overdue",
            SupervisionLists.Kind.AT_RISK, "supervise.reason.at-risk",
            SupervisionLists.Kind.ACKNOWLEDGE_OVERDUE, "supervise.reason.acknowledge",
            SupervisionLists.Kind.REDONE, "supervise.reason.redone");
    static final List<String> REASONS = List.of("supervise.reason.overdue", "supervise.reason.at-risk",
            "supervise.reason.acknowledge", "supervise.reason.redone", "supervise.reason.urgent");

    /** Orders that may still take a repeat appeal, or be merged: not closed, not merged, not replied. */
    private static final Set<OrderStatus> MERGEABLE = EnumSet.of(OrderStatus.REGISTERED, OrderStatus.DISPATCHED,
            OrderStatus.IN_PROGRESS, OrderStatus.RETURN_REQUESTED);

    private final WorkOrderService service;
    private final WorkRows rows;
    private final Units units;
    private final Categories categories;
    private final Validator validator;
    private final MessageSource messages;
    private final Deadlines deadlines;
    private final Clock clock;

    SupervisionPages(WorkOrderService service, WorkRows rows, Units units, Categories categories,
            Validator validator, MessageSource messages, Deadlines deadlines, Clock clock) {
        this.service = service;
        this.rows = rows;
        this.units = units;
        this.categories = categories;
        this.validator = validator;
        this.messages = messages;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the lists

    @GetMapping
    String lists(@RequestParam(required = false) SupervisionLists.Kind kind, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String category, @RequestParam(required = false) SupervisionLists.Sort sort,
            @RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        SupervisionLists.Query query = new SupervisionLists.Query(kind, blankToNull(unit) == null ? null : new UnitId(unit.strip()),
                blankToNull(category), sort, page, PAGE_SIZE);
        SupervisionLists supervision = service.supervision(query, actor);
        model.addAttribute("supervision", supervision);
        model.addAttribute("rows", rows.of(supervision.list(), actor, service.actionsFor(
                supervision.list().items().stream().map(i -> i.order().number()).toList(), actor)));
        model.addAttribute("counts", supervision.counts());
        model.addAttribute("kinds", SupervisionLists.Kind.values());
        model.addAttribute("sorts", SupervisionLists.Sort.values());
        model.addAttribute("tab", supervision.query().kind().name());
        model.addAttribute("reasons", REASONS);
        model.addAttribute("defaultReason", REASON_FOR.get(supervision.query().kind()));
        model.addAttribute("here", here(supervision.query()));
        filterChoices(model);
        return "workorder/supervision";
    }

    /** 督办 from a line: one action, the list's reason preselected, words of one's own optional. */
    @PostMapping("/{number}/supervise")
    String supervise(@PathVariable String number, @RequestParam Map<String, String> form,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        OrderNumber n = number(number);
        SupervisionLists.Query back = back(form);
        String notice = null;
        PageErrors errors = PageErrors.none();
        try {
            var r = valid(new WorkOrderController.ReasonRequest(reason(form)));
            service.supervise(n, r.reason(), actor, null);
            notice = "order.done.supervise";
        } catch (RuntimeException e) {
            errors = PageErrors.of(e).orElseThrow(() -> e);
        }
        if ("true".equals(htmx)) {
            WorkOrder order = service.find(n, actor);
            Instant now = clock.instant();
            WorkList.Due due = back.kind().due(order.clocks());
            WorkList.Item item = new WorkList.Item(OrderSummary.of(order, now), order.clocks(), due,
                    due == WorkList.Due.ACKNOWLEDGE ? order.clock().acknowledgeDeadline() : order.clock().handleDeadline(),
                    back.kind().standing(order.clocks().at(now, deadlines)), null, order.supervision().lastAt());
            model.addAttribute("row", rows.row(item, actor, service.actionsFor(List.of(n), actor)
                    .getOrDefault(n, Map.of())));
            model.addAttribute("rowNotice", notice);
            model.addAttribute("rowError", errors.isEmpty() ? null : why(errors));
            model.addAttribute("reasons", REASONS);
            model.addAttribute("defaultReason", REASON_FOR.get(back.kind()));
            model.addAttribute("supervision", new SupervisionLists(back, null, WorkList.empty(back.page(), back.size())));
            return "workorder/supervision :: rowSwap";
        }
        if (errors.isEmpty()) {
            flash.addFlashAttribute("notice", notice);
            return "redirect:" + here(back);
        }
        response.setStatus(errors.status().value());
        model.addAttribute(PageErrors.ATTRIBUTE, errors);
        model.addAttribute("failedRow", n.value());
        model.addAttribute("failedReason", why(errors));
        return lists(back.kind(), back.unit() == null ? null : back.unit().value(), back.category(), back.sort(),
                back.page(), actor, model);
    }

    // ---------------------------------------------------------------- merges

    /**
     * 并单: the form, and for an order named in it, the open orders of the same caller as masters to choose from;
     * the repeat appeals merged lately below.
     */
    @GetMapping("/merges")
    String merges(@RequestParam(required = false) String number, @RequestParam(defaultValue = "0") int page,
            Actor actor, Model model) {
        SupervisionLists supervision = service.supervision(new SupervisionLists.Query(null, null, null, null, 0, 1), actor);
        model.addAttribute("counts", supervision.counts());
        model.addAttribute("kinds", SupervisionLists.Kind.values());
        model.addAttribute("tab", "MERGES");
        String wanted = blankToNull(number);
        if (wanted != null && !model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("number", wanted));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        if (wanted != null && OrderNumber.isWellFormed(wanted)) {
            try {
                WorkOrder repeat = service.find(new OrderNumber(wanted), actor);
                model.addAttribute("repeat", OrderSummary.of(repeat, clock.instant()));
                model.addAttribute("candidates", candidates(repeat, actor));
            } catch (NotFoundException e) {
                model.addAttribute(PageErrors.ATTRIBUTE, PageErrors.field("number", e.getMessage()));
            }
        }
        OrderPage merged = service.search(new OrderQuery(EnumSet.of(OrderStatus.MERGED), null, null, null, null,
                null, null, null, null, null, Math.max(0, page), PAGE_SIZE), actor);
        model.addAttribute("merged", merged);
        model.addAttribute("mergedRows", OrderViews.of(merged, actor).items());
        model.addAttribute("mergedPages", Math.max(1, (merged.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("unitNames", unitNames());
        return "workorder/merges";
    }

    @PostMapping("/merges")
    String merge(@RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            var r = valid(new WorkOrderController.MergeRequest(blankToNull(form.get("master")),
                    blankToNull(form.get("note"))));
            String number = blankToNull(form.get("number"));
            if (number == null) {
                throw new InvalidInputException("number", "必须填写");
            }
            if (!OrderNumber.isWellFormed(number)) {
                throw new InvalidInputException("number", "不是有效的工单编号：" + number);
            }
            if (!OrderNumber.isWellFormed(r.master())) {
                throw new InvalidInputException("master", "不是有效的工单编号：" + r.master());
            }
            try {
                service.merge(new OrderNumber(number), new OrderNumber(r.master()), r.note(), actor, null);
            } catch (NotFoundException e) {
                throw new InvalidInputException("number", e.getMessage());
            }
            flash.addFlashAttribute("notice", "merge.done");
            return "redirect:/console/supervision/merges";
        } catch (RuntimeException e) {
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("form", form);
            return merges(form.get("number"), 0, actor, model);
        }
    }

    /** The other open orders of the same caller: the likeliest masters of a repeat appeal, newest first. */
    private List<OrderViews.SummaryView> candidates(WorkOrder repeat, Actor actor) {
        if (repeat.citizen().phone() == null) {
            return List.of();
        }
        String digits = Citizen.normalisePhone(repeat.citizen().phone()).orElse(null);
        if (digits == null) {
            return List.of();
        }
        OrderPage same = service.search(new OrderQuery(MERGEABLE, null, null, null, null, null, null, null, null,
                null, 0, 20).byCaller(digits, null), actor);
        List<OrderSummary> others = new ArrayList<>(same.items().stream()
                .filter(s -> !s.number().equals(repeat.number())).toList());
        return OrderViews.of(new OrderPage(others, 0, 20, others.size()), actor).items();
    }

    // ---------------------------------------------------------------- helpers

    /** What a line says when its action was refused: the rule's reason, or what is wrong with the input. */
    private static String why(PageErrors errors) {
        return errors.rejection() != null ? errors.rejection() : String.join("；", errors.fields().values());
    }

    private void filterChoices(Model model) {
        model.addAttribute("units", units.all().stream().sorted(Comparator.comparing((Unit u) -> u.kind())
                .thenComparing(u -> u.id().value())).toList());
        model.addAttribute("categories", categories.all().stream().filter(c -> c.level() <= 2)
                .sorted(Comparator.comparing(Category::code)).toList());
    }

    private Map<String, String> unitNames() {
        Map<String, String> names = new LinkedHashMap<>();
        units.all().forEach(u -> names.put(u.id().value(), u.name()));
        return names;
    }

    /** The reason sent: the chosen one (a message key of the list, or words) and the supervisor's own words. */
    private String reason(Map<String, String> form) {
        String chosen = blankToNull(form.get("preset"));
        if (chosen != null && REASONS.contains(chosen)) {
            chosen = messages.getMessage(chosen, null, java.util.Locale.SIMPLIFIED_CHINESE);
        } else {
            chosen = null; // only the listed reasons are offered; anything else is no choice at all
        }
        String own = blankToNull(form.get("reason"));
        if (chosen == null) {
            return own;
        }
        return own == null ? chosen : chosen + "；" + own;
    }

    /** The list a form came from, to go back to. */
    private static SupervisionLists.Query back(Map<String, String> form) {
        return new SupervisionLists.Query(choice(SupervisionLists.Kind.class, form.get("kind")),
                blankToNull(form.get("unit")) == null ? null : new UnitId(form.get("unit").strip()),
                blankToNull(form.get("category")), choice(SupervisionLists.Sort.class, form.get("sort")),
                pageOf(form.get("page")), PAGE_SIZE);
    }

    static String here(SupervisionLists.Query q) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/supervision");
        if (q.kind() != SupervisionLists.Kind.OVERDUE) {
            uri.queryParam("kind", q.kind().name());
        }
        if (q.unit() != null) {
            uri.queryParam("unit", q.unit().value());
        }
        if (q.category() != null) {
            uri.queryParam("category", q.category());
        }
        if (q.sort() != SupervisionLists.Sort.DEADLINE) {
            uri.queryParam("sort", q.sort().name());
        }
        if (q.page() > 0) {
            uri.queryParam("page", q.page());
        }
        return uri.encode().build().toUriString();
    }

    private <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null; // where to come back to is no reason to refuse the action itself
        }
    }

    private static int pageOf(String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static OrderNumber number(String number) {
        return OrderNumberParameter.parse(number);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
