package org.hotline.dispatch.internal.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import jakarta.servlet.http.HttpServletResponse;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageVersion;
import org.hotline.console.PageErrors;
import org.hotline.deadline.Deadlines;
import org.hotline.dispatch.DispatchRequest;
import org.hotline.hotissue.HotIssueLookup;
import org.hotline.organization.Actor;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Role;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.UnitKind;
import org.hotline.organization.Units;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.workorder.Decision;
import org.hotline.workorder.OrderAction;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderNumberParameter;
import org.hotline.workorder.OrderPage;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dispatcher's desk (派单): the manual queue with the AI's ranked suggestions and the words behind them,
 * dispatched with one click on a suggestion or corrected on the order's own dispatch page; the return requests
 * (退回申请) to approve with a new unit or reject with a reason; the extension requests (延期申请) to decide; and
 * repeat appeals merged into an open order (并单).
 *
 * <p>An adapter like the REST API: every action calls the same {@link WorkOrderService} method as
 * {@code POST /api/v1/orders/{number}/…}, with the version the page showed as the REST client's If-Match, so a
 * page left open while a colleague acted gets a clear conflict. What a row offers is what the order accepts from
 * the viewer now ({@link WorkOrder#actionsFor}). A person's dispatch is recorded against the suggestion by the
 * dispatch records (a correction when the lead differs), as for every dispatch through the API.
 */
@ConsoleController
@RequestMapping("/console/dispatch")
class DispatchPages {

    static final int PAGE_SIZE = 20;
    private static final Set<Role> ALLOWED = EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);

    /** The sections of the desk. */
    enum Tab {
        QUEUE, RETURNS, EXTENSIONS;

        String param() {
            return name().toLowerCase();
        }
    }

    /** One order of the queue, with its advice and what the viewer may do with it. */
    record QueueRow(OrderSummary order, long version, AdviceCards.Card card, List<AdviceCards.Segment> segments,
            boolean mayDispatch, boolean mayMerge, HotIssueLookup.IssueOfOrder hotIssue) {
    }

    /** One return request: the unit that has the order, the unit it names, and why. */
    record ReturnRow(String number, long version, String content, String address, Instant registeredAt,
            AdviceCards.Ref lead, AdviceCards.Ref suggested, String reason, Instant requestedAt, boolean mayApprove,
            boolean mayReject) {
    }

    /** One extension request: how many working days, why, and the deadline it would move. */
    record ExtensionRow(String number, long version, String content, AdviceCards.Ref lead, int days, String reason,
            Instant handleDeadline, int daysUsed, boolean mayApprove, boolean mayReject) {
    }

    /** What the desk reports after an action. */
    record Done(String kind, String number, String other) implements java.io.Serializable {
    }

    private final WorkOrderService orders;
    private final DispatchQueue queue;
    private final DispatchRecords records;
    private final DispatchDecisions decisions;
    private final AdviceCards cards;
    private final SimilarOpenOrders similar;
    private final Units units;
    private final Categories categories;
    private final Deadlines deadlines;
    private final Clock clock;
    private final HotIssueLookup hotIssues;

    DispatchPages(WorkOrderService orders, DispatchQueue queue, DispatchRecords records, DispatchDecisions decisions,
            AdviceCards cards, SimilarOpenOrders similar, Units units, Categories categories, Deadlines deadlines,
            Clock clock, HotIssueLookup hotIssues) {
        this.hotIssues = hotIssues;
        this.orders = orders;
        this.queue = queue;
        this.records = records;
        this.decisions = decisions;
        this.cards = cards;
        this.similar = similar;
        this.units = units;
        this.categories = categories;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the desk

    @GetMapping
    String desk(@RequestParam(required = false) String tab, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        requireDispatcher(actor);
        Tab current = tab(tab);
        boolean oldestFirst = !"newest".equals(sort);
        int from = Math.max(0, Math.min(page, 100_000));
        model.addAttribute("tab", current.param());
        model.addAttribute("sort", oldestFirst ? "oldest" : "newest");
        model.addAttribute("counts", Map.of("queue", queue.count(actor), "returns", returns(0, 1, actor).total(),
                "extensions", extensions(0, 1, actor).total()));
        long total = switch (current) {
            case QUEUE -> queueRows(from, oldestFirst, actor, model);
            case RETURNS -> returnRows(from, oldestFirst, actor, model);
            case EXTENSIONS -> extensionRows(from, oldestFirst, actor, model);
        };
        model.addAttribute("page", from);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("total", total);
        model.addAttribute("units", activeUnits());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
            model.addAttribute("openFor", "");
        }
        return "dispatch/desk";
    }

    private long queueRows(int page, boolean oldestFirst, Actor actor, Model model) {
        DispatchQueue.Page p = queue.page(page, PAGE_SIZE, oldestFirst, actor);
        Map<OrderNumber, WorkOrder> loaded = loaded(p.items().stream().map(i -> i.order().number()).toList(), actor);
        Instant now = clock.instant();
        model.addAttribute("rows", p.items().stream().filter(i -> loaded.containsKey(i.order().number())).map(i -> {
            WorkOrder o = loaded.get(i.order().number());
            Map<OrderAction, Decision> may = o.actionsFor(actor, now, deadlines);
            AdviceCards.Card card = i.advice() == null ? null : cards.of(i.advice());
            return new QueueRow(i.order(), o.version(), card,
                    AdviceCards.highlight(i.order().content(), card == null ? List.of() : card.evidence()),
                    allowed(may, OrderAction.DISPATCH), allowed(may, OrderAction.MERGE),
                    // the hot issue the order joined right after intake (one indexed look-up per row of a page)
                    hotIssues.issueOf(i.order().number().value()).orElse(null));
        }).toList());
        return p.total();
    }

    private long returnRows(int page, boolean oldestFirst, Actor actor, Model model) {
        Listed listed = listed(page, oldestFirst, p -> returns(p, PAGE_SIZE, actor), returns(0, 1, actor).total());
        Instant now = clock.instant();
        model.addAttribute("rows", loadedInOrder(listed.items(), actor).stream().map(o -> {
            Map<OrderAction, Decision> may = o.actionsFor(actor, now, deadlines);
            return new ReturnRow(o.number().value(), o.version(), o.content(), o.location().address(),
                    o.registeredAt(), cards.unit(o.leadUnit()), cards.unit(o.returnRequest().suggestedUnit()), o.returnRequest().reason(),
                    o.returnRequest().requestedAt(), allowed(may, OrderAction.APPROVE_RETURN),
                    allowed(may, OrderAction.REJECT_RETURN));
        }).toList());
        return listed.total();
    }

    private long extensionRows(int page, boolean oldestFirst, Actor actor, Model model) {
        Listed listed = listed(page, oldestFirst, p -> extensions(p, PAGE_SIZE, actor),
                extensions(0, 1, actor).total());
        Instant now = clock.instant();
        model.addAttribute("rows", loadedInOrder(listed.items(), actor).stream().map(o -> {
            Map<OrderAction, Decision> may = o.actionsFor(actor, now, deadlines);
            return new ExtensionRow(o.number().value(), o.version(), o.content(), cards.unit(o.leadUnit()),
                    o.extension().pendingDays(), o.extension().pendingReason(), o.clock().handleDeadline(), o.extension().daysUsed(),
                    allowed(may, OrderAction.APPROVE_EXTENSION), allowed(may, OrderAction.REJECT_EXTENSION));
        }).toList());
        return listed.total();
    }

    private record Listed(List<OrderSummary> items, long total) {
    }

    private Listed listed(int page, boolean oldestFirst, IntFunction<OrderPage> newestPage, long total) {
        if (oldestFirst) {
            return new Listed(DispatchQueue.oldestFirst(page, PAGE_SIZE, total, p -> newestPage.apply(p).items()),
                    total);
        }
        OrderPage p = newestPage.apply(page);
        return new Listed(p.items(), p.total());
    }

    private OrderPage returns(int page, int size, Actor actor) {
        return orders.search(new OrderQuery(Set.of(OrderStatus.RETURN_REQUESTED), null, null, null, null, null, null,
                null, null, null, page, size), actor);
    }

    private OrderPage extensions(int page, int size, Actor actor) {
        return orders.search(new OrderQuery(Set.of(), null, null, null, null, null, null, null, null, null, page, size)
                .withExtensionPending(), actor);
    }

    // ---------------------------------------------------------------- one order: correct, merge

    /** The dispatch page of one waiting order: its advice, the correction form, and the merge into an open order. */
    @GetMapping("/{number}")
    String order(@PathVariable String number, Actor actor, Model model) {
        requireDispatcher(actor);
        WorkOrder o = orders.find(number(number), actor);
        Map<OrderAction, Decision> may = o.actionsFor(actor, clock.instant(), deadlines);
        DispatchRecords.Stored stored = records.find(List.of(o.number().value())).get(o.number().value());
        AdviceCards.Card card = stored != null ? cards.of(stored)
                : cards.of(decisions.adviseForAPerson(DispatchRequest.of(o)));
        model.addAttribute("o", new QueueRow(summary(o), o.version(), card,
                AdviceCards.highlight(o.content(), card.evidence()), allowed(may, OrderAction.DISPATCH),
                allowed(may, OrderAction.MERGE), hotIssues.issueOf(o.number().value()).orElse(null)));
        model.addAttribute("status", o.status().label());
        model.addAttribute("mergeRefusal", refusal(may, OrderAction.MERGE));
        model.addAttribute("similar", allowed(may, OrderAction.MERGE)
                ? similar.find(o.content(), o.location().address(),
                        card.category() == null ? o.categoryCode() : card.category().id(), o.number(), actor)
                : List.of());
        model.addAttribute("units", activeUnits());
        model.addAttribute("categoryOptions", categories.all().stream()
                .sorted(Comparator.comparing(Category::code)).toList());
        if (!model.containsAttribute("form")) {
            AdviceCards.Option first = card.options().stream().filter(AdviceCards.Option::acceptable).findFirst()
                    .orElse(null);
            model.addAttribute("form", Map.of("leadUnit", first == null ? "" : first.lead().id(),
                    "categoryCode", first == null || first.category() == null ? "" : first.category().id()));
            model.addAttribute("formCoUnits", first == null ? List.of() : first.coUnitIds());
        }
        if (!model.containsAttribute("openFor")) {
            model.addAttribute("openFor", "");
        }
        if (!model.containsAttribute("mergeForm")) {
            model.addAttribute("mergeForm", Map.of());
        }
        return "dispatch/order";
    }

    // ---------------------------------------------------------------- actions

    /**
     * 派单: accepting suggestion N (from the queue) and a correction (from the order's page) are the same
     * dispatch, with the lead, co-units and category the dispatcher chose.
     */
    @PostMapping("/{number}/dispatch")
    String dispatch(@PathVariable String number, @RequestParam MultiValueMap<String, String> params, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        requireDispatcher(actor);
        Map<String, String> form = params.toSingleValueMap();
        List<String> co = params.getOrDefault("coUnits", List.of()).stream().filter(s -> !s.isBlank())
                .map(String::strip).distinct().toList();
        OrderNumber n = number(number);
        try {
            String lead = blankToNull(form.get("leadUnit"));
            if (lead == null) {
                throw new InvalidInputException("leadUnit", "必须指定主办单位");
            }
            if (co.size() > 10) {
                throw new InvalidInputException("coUnits", "协办单位最多 10 个");
            }
            String suggestion = blankToNull(form.get("suggestion"));
            String note = note(form.get("note"));
            if (note == null && suggestion != null && suggestion.matches("[1-9]")) {
                note = "采纳智能派单第 " + suggestion + " 条建议";
            }
            orders.dispatch(n, new UnitId(lead), co.stream().map(UnitId::new).toList(),
                    blankToNull(form.get("categoryCode")), note, actor, version(form.get("version")));
            flash.addFlashAttribute("done", new Done("dispatched", n.value(), unitName(lead)));
            return back(form, "queue");
        } catch (RuntimeException e) {
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("form", form);
            model.addAttribute("formCoUnits", co);
            model.addAttribute("openFor", "dispatch");
            return order(number, actor, model);
        }
    }

    /** 并单: the waiting order repeats an open one and follows it from now on. */
    @PostMapping("/{number}/merge")
    String merge(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        requireDispatcher(actor);
        OrderNumber n = number(number);
        try {
            String master = blankToNull(form.get("master"));
            if (master == null || !OrderNumber.isWellFormed(master)) {
                throw new InvalidInputException("master", master == null ? "必须指定主工单"
                        : "不是有效的工单编号：" + master);
            }
            orders.merge(n, new OrderNumber(master), note(form.get("note")), actor, version(form.get("version")));
            flash.addFlashAttribute("done", new Done("merged", n.value(), master));
            return back(form, "queue");
        } catch (RuntimeException e) {
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("mergeForm", form);
            model.addAttribute("openFor", "merge");
            return order(number, actor, model);
        }
    }

    /** 退回审核: approve and re-dispatch to the unit the request names (or another), or reject with a reason. */
    @PostMapping("/{number}/return-decision")
    String decideReturn(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        return decide(number, form, "returns", actor, model, flash, response, (n, approve, version) -> {
            String newLead = blankToNull(form.get("newLeadUnit"));
            WorkOrder o = orders.decideReturn(n, approve, newLead == null ? null : new UnitId(newLead),
                    note(form.get("note")), actor, version);
            return approve ? new Done("return-approved", n.value(), unitName(o.leadUnit().value()))
                    : new Done("return-rejected", n.value(), null);
        });
    }

    /** 延期审批 */
    @PostMapping("/{number}/extension-decision")
    String decideExtension(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        return decide(number, form, "extensions", actor, model, flash, response, (n, approve, version) -> {
            orders.decideExtension(n, approve, note(form.get("note")), actor, version);
            return new Done(approve ? "extension-approved" : "extension-rejected", n.value(), null);
        });
    }

    @FunctionalInterface
    private interface Decide {
        Done run(OrderNumber number, boolean approve, Long version);
    }

    private String decide(String number, Map<String, String> form, String tab, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response, Decide decide) {
        requireDispatcher(actor);
        OrderNumber n = number(number);
        try {
            String approve = form.get("approve");
            if (!"true".equals(approve) && !"false".equals(approve)) {
                throw new InvalidInputException("approve", "请选择同意或驳回");
            }
            flash.addFlashAttribute("done", decide.run(n, Boolean.parseBoolean(approve), version(form.get("version"))));
            return back(form, tab);
        } catch (RuntimeException e) {
            // the list as it is now, the row's form open again with what was typed and why it was refused
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("form", form);
            model.addAttribute("openFor", n.value());
            return desk(tab, form.get("sort"), page(form.get("page")), actor, model);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** After an action: the same section, order and page of the desk the dispatcher acted from. */
    private static String back(Map<String, String> form, String tab) {
        String sort = "newest".equals(form.get("sort")) ? "&sort=newest" : "";
        int page = page(form.get("page"));
        return "redirect:/console/dispatch?tab=" + tab + sort + (page > 0 ? "&page=" + page : "");
    }

    private static int page(String page) {
        try {
            return page == null ? 0 : Math.max(0, Math.min(Integer.parseInt(page.strip()), 100_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Map<OrderNumber, WorkOrder> loaded(List<OrderNumber> numbers, Actor actor) {
        Map<OrderNumber, WorkOrder> loaded = new java.util.HashMap<>();
        orders.findAll(numbers, actor).forEach(o -> loaded.put(o.number(), o));
        return loaded;
    }

    private List<WorkOrder> loadedInOrder(List<OrderSummary> listed, Actor actor) {
        return orders.findAll(listed.stream().map(OrderSummary::number).toList(), actor);
    }

    private static boolean allowed(Map<OrderAction, Decision> may, OrderAction action) {
        Decision d = may.get(action);
        return d != null && d.isAllowed();
    }

    private static String refusal(Map<OrderAction, Decision> may, OrderAction action) {
        return may.get(action) instanceof Decision.Rejected r ? r.reason() : null;
    }

    private static OrderSummary summary(WorkOrder o) {
        return new OrderSummary(o.number(), o.status(), o.channel(), o.appealType(), o.urgency(), o.categoryCode(),
                o.leadUnit(), o.citizen(), o.content(), o.location().address(), o.registeredAt(), o.clock().handleDeadline(),
                o.redoCount(), o.supervision().count(), false);
    }

    /** The units a dispatcher chooses from, in two groups as they think of them: departments, then towns and streets. */
    record UnitGroup(String key, List<Unit> units) {
    }

    private List<UnitGroup> activeUnits() {
        List<Unit> active = units.all().stream().filter(Unit::active)
                .sorted(Comparator.comparing(u -> u.id().value())).toList();
        return List.of(
                new UnitGroup("dispatch.units.industry", active.stream().filter(u -> u.kind() == UnitKind.INDUSTRY).toList()),
                new UnitGroup("dispatch.units.territorial",
                        active.stream().filter(u -> u.kind() == UnitKind.TERRITORIAL).toList()));
    }

    private String unitName(String id) {
        return units.find(new UnitId(id)).map(Unit::name).orElse(id);
    }

    private static Tab tab(String tab) {
        if (tab == null || tab.isBlank()) {
            return Tab.QUEUE;
        }
        for (Tab t : Tab.values()) {
            if (t.param().equals(tab)) {
                return t;
            }
        }
        throw new InvalidInputException("tab", "没有这个栏目");
    }

    private static void requireDispatcher(Actor actor) {
        if (!ALLOWED.contains(actor.role())) {
            throw new ForbiddenException("dispatch-role", "只有派单员和督办员可以使用派单工作台");
        }
    }

    private static OrderNumber number(String number) {
        return OrderNumberParameter.parse(number);
    }

    /** The version the page showed; a page without one acts on whatever is current, like a call without If-Match. */
    private static Long version(String version) {
        return PageVersion.parse(version);
    }

    private static String note(String note) {
        String n = blankToNull(note);
        if (n != null && n.length() > 2000) {
            throw new InvalidInputException("note", "不能超过 2000 个字符");
        }
        return n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
