package org.hotline.workorder.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.hotline.console.ConsoleController;
import org.hotline.console.ConsoleFormat;
import org.hotline.console.PageErrors;
import org.hotline.deadline.Deadlines;
import org.hotline.deadline.WorkingCalendar;
import org.hotline.organization.Actor;
import org.hotline.organization.Categories;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.ReturnReason;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's order pages: the order list every role can search, and the order page (工单详情) with its
 * content, citizen, clocks, units, replies, attachments, history and the actions the viewer may take now.
 *
 * <p>An adapter like {@link WorkOrderController}: each form posts to a route named like the REST action, is
 * checked with the REST request's own constraints, and calls the same {@link WorkOrderService} method with the
 * order's version as the REST client's If-Match, so a page left open while someone else acted gets a clear
 * conflict rather than acting on what it showed. Success redirects back with a notice (post, redirect, get);
 * bad input is shown next to its field and a rule's refusal with the rule's reason, on the page as it is now.
 */
@ConsoleController
@RequestMapping("/console/orders")
class OrderPages {

    /** The forms the order page draws, by the name of the action each one performs. */
    static final Set<String> FORMS = Set.of("ACKNOWLEDGE", "REQUEST_RETURN", "APPROVE_RETURN", "REQUEST_EXTENSION",
            "APPROVE_EXTENSION", "ADD_CO_UNIT", "CO_UNIT_ACKNOWLEDGE", "CO_UNIT_SUBMIT", "CO_UNIT_DECLINE", "REPLY",
            "ATTACH", "NOTE", "SUPERVISE", "OVERRIDE_CLOSE");

    /**
     * The actions whose refusal the page explains ("暂不能答复：协办单位尚未提交…"): those the viewer is waiting to
     * take. Others that the order's state rules out (deciding an extension nobody asked for) are simply not shown.
     */
    static final List<String> EXPLAINED = List.of("REPLY", "REQUEST_RETURN", "REQUEST_EXTENSION", "CO_UNIT_SUBMIT");

    private static final int PAGE_SIZE = 30;

    private final WorkOrderService service;
    private final Attachments attachments;
    private final Deadlines deadlines;
    private final WorkingCalendar calendar;
    private final Units units;
    private final Categories categories;
    private final Clock clock;
    private final Validator validator;
    private final ConsoleFormat fmt;
    private final DataSize maxUpload;

    OrderPages(WorkOrderService service, Attachments attachments, Deadlines deadlines, WorkingCalendar calendar,
            Units units, Categories categories, Clock clock, Validator validator, ConsoleFormat fmt,
            @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxUpload) {
        this.service = service;
        this.attachments = attachments;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.units = units;
        this.categories = categories;
        this.clock = clock;
        this.validator = validator;
        this.fmt = fmt;
        this.maxUpload = maxUpload;
    }

    // ---------------------------------------------------------------- the list

    /**
     * The list with the filters the address carries ({@link OrderListFilter}): the form's own, and those another
     * page links with (the dashboard's "the orders behind this number"). A filter that cannot be read is shown
     * next to its field, with no orders.
     */
    @GetMapping
    String list(@RequestParam Map<String, String> params, Actor actor, Model model, HttpServletResponse response) {
        OrderListFilter filter;
        try {
            filter = OrderListFilter.of(params);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute(PageErrors.ATTRIBUTE, PageErrors.field(e.field(), e.getMessage()));
            filter = OrderListFilter.NONE;
        }
        int from = Math.max(0, integer(params, "page", 0));
        boolean failed = response.getStatus() == HttpServletResponse.SC_BAD_REQUEST;
        var result = failed ? new org.hotline.workorder.OrderPage(List.of(), 0, PAGE_SIZE, 0)
                : service.search(filter.query(fmt.zone(), from, PAGE_SIZE), actor);
        model.addAttribute("result", result);
        // masked as the REST list masks them
        model.addAttribute("rows", OrderViews.of(result, actor).items());
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("channels", org.hotline.workorder.Channel.values());
        model.addAttribute("filter", filter);
        model.addAttribute("status", filter.status());
        model.addAttribute("overdue", filter.overdue());
        model.addAttribute("q", filter.q());
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("leadUnits", units.all().stream()
                .sorted(Comparator.comparing((Unit u) -> !u.active()).thenComparing(u -> u.id().value())).toList());
        model.addAttribute("categoryName", filter.category() == null ? null
                : categories.find(filter.category()).map(org.hotline.organization.Category::name)
                        .orElse(filter.category()));
        model.addAttribute("appealLabels", java.util.Arrays.stream(org.hotline.workorder.AppealType.values())
                .collect(java.util.stream.Collectors.toMap(Enum::name, org.hotline.workorder.AppealType::label)));
        model.addAttribute("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return "workorder/orders";
    }

    // ---------------------------------------------------------------- one order

    @GetMapping("/{number}")
    String order(@PathVariable String number, Actor actor, Model model) {
        OrderNumber n = number(number);
        WorkOrder order = service.find(n, actor);
        OrderPageView view = OrderPageView.of(order, actor, clock.instant(), service.history(n, actor),
                attachments.of(n), deadlines, calendar, units, categories, fmt);
        model.addAttribute("order", view);
        model.addAttribute("forms", FORMS);
        model.addAttribute("explained", EXPLAINED);
        model.addAttribute("units", units.all().stream().filter(Unit::active)
                .sorted(Comparator.comparing(u -> u.id().value())).toList());
        model.addAttribute("returnReasons", ReturnReason.values());
        model.addAttribute("outcomes", ReplyOutcome.values());
        model.addAttribute("maxExtensionDays", order.extension().daysLeft(deadlines.maxExtensionDays()));
        model.addAttribute("returnWindowDays", deadlines.returnRequestDays());
        model.addAttribute("maxUploadBytes", maxUpload.toBytes());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
            model.addAttribute("openForm", "");
        }
        return "workorder/order";
    }

    @GetMapping("/{number}/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String number, @PathVariable String id, Actor actor) {
        OrderNumber n = number(number);
        service.find(n, actor); // the same visibility as the order itself: another unit's file does not exist
        Attachments.Stored meta = attachments.of(n).stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("附件不存在"));
        byte[] data = attachments.content(n, id).orElseThrow(() -> new NotFoundException("附件不存在"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(meta.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename*=UTF-8''"
                        + URLEncoder.encode(meta.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                // a file someone uploaded is shown, never run as a page of ours
                .header("Content-Security-Policy", "sandbox")
                .body(data);
    }

    // ---------------------------------------------------------------- actions

    @PostMapping("/{number}/acknowledge")
    String acknowledge(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "ACKNOWLEDGE", form, actor, model, flash, response, (n, version) -> {
            service.acknowledge(n, actor, version);
            return "order.done.acknowledge";
        });
    }

    @PostMapping("/{number}/return-request")
    String requestReturn(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "REQUEST_RETURN", form, actor, model, flash, response, (n, version) -> {
            var r = valid(new WorkOrderController.ReturnRequest(choice(ReturnReason.class, form, "reason"),
                    blankToNull(form.get("suggestedUnit")), blankToNull(form.get("explanation"))));
            service.requestReturn(n, r.reason(), new UnitId(r.suggestedUnit()), r.explanation(), actor, version);
            return "order.done.return-request";
        });
    }

    @PostMapping("/{number}/return-decision")
    String decideReturn(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "APPROVE_RETURN", form, actor, model, flash, response, (n, version) -> {
            var r = valid(new WorkOrderController.ReturnDecisionRequest(yesNo(form, "approve"),
                    blankToNull(form.get("newLeadUnit")), blankToNull(form.get("note"))));
            UnitId newLead = r.newLeadUnit() == null ? null : new UnitId(r.newLeadUnit());
            service.decideReturn(n, r.approve(), newLead, r.note(), actor, version);
            return r.approve() ? "order.done.return-approved" : "order.done.return-rejected";
        });
    }

    @PostMapping("/{number}/co-units")
    String addCoUnit(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "ADD_CO_UNIT", form, actor, model, flash, response, (n, version) -> {
            var r = valid(new WorkOrderController.CoUnitRequest(blankToNull(form.get("unit")),
                    blankToNull(form.get("note"))));
            service.addCoUnit(n, new UnitId(r.unit()), r.note(), actor, version);
            return "order.done.co-unit-added";
        });
    }

    @PostMapping("/{number}/co-unit/acknowledge")
    String acknowledgeAsCoUnit(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "CO_UNIT_ACKNOWLEDGE", form, actor, model, flash, response, (n, version) -> {
            service.acknowledgeAsCoUnit(n, actor, version);
            return "order.done.co-unit-acknowledge";
        });
    }

    @PostMapping("/{number}/co-unit/submit")
    String submitCoUnitPart(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "CO_UNIT_SUBMIT", form, actor, model, flash, response, (n, version) -> {
            var r = valid(new WorkOrderController.ContributionRequest(blankToNull(form.get("contribution"))));
            service.submitCoUnitPart(n, r.contribution(), actor, version);
            return "order.done.co-unit-submit";
        });
    }

    @PostMapping("/{number}/co-unit/decline")
    String declineAsCoUnit(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "CO_UNIT_DECLINE", form, actor, model, flash, response, (n, version) -> {
            var r = valid(new WorkOrderController.ReasonRequest(blankToNull(form.get("reason"))));
            service.declineAsCoUnit(n, r.reason(), actor, version);
            return "order.done.co-unit-decline";
        });
    }

    @PostMapping("/{number}/extension-request")
    String requestExtension(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "REQUEST_EXTENSION", form, actor, model, flash, response, (n, version) -> {
            var r = valid(new WorkOrderController.ExtensionRequest(integer(form, "workingDays"),
                    blankToNull(form.get("reason"))));
            service.requestExtension(n, r.workingDays(), r.reason(), actor, version);
            return "order.done.extension-request";
        });
    }

    @PostMapping("/{number}/extension-decision")
    String decideExtension(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "APPROVE_EXTENSION", form, actor, model, flash, response, (n, version) -> {
            var r = valid(new WorkOrderController.DecisionRequest(yesNo(form, "approve"),
                    blankToNull(form.get("note"))));
            service.decideExtension(n, r.approve(), r.note(), actor, version);
            return r.approve() ? "order.done.extension-approved" : "order.done.extension-rejected";
        });
    }

    @PostMapping("/{number}/supervision")
    String supervise(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "SUPERVISE", form, actor, model, flash, response, (n, version) -> {
            var r = valid(new WorkOrderController.ReasonRequest(blankToNull(form.get("reason"))));
            service.supervise(n, r.reason(), actor, version);
            return "order.done.supervise";
        });
    }

    @PostMapping("/{number}/reply")
    String reply(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "REPLY", form, actor, model, flash, response, (n, version) -> {
            var r = valid(new WorkOrderController.ReplyRequest(choice(ReplyOutcome.class, form, "outcome"),
                    blankToNull(form.get("publicReply")), blankToNull(form.get("actionsTaken")),
                    blankToNull(form.get("internalNote")), form.containsKey("citizenContacted")));
            service.reply(n, new WorkOrder.ReplyContent(r.outcome(), r.publicReply(), r.actionsTaken(),
                    r.internalNote(), Boolean.TRUE.equals(r.citizenContacted())), actor, version);
            return "order.done.reply";
        });
    }

    /** 办理记录: the lead unit's or a co-unit's note while handling, for the center and that unit. */
    @PostMapping("/{number}/notes")
    String addNote(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "NOTE", form, actor, model, flash, response, (n, version) -> {
            var r = valid(new WorkOrderController.NoteRequest(blankToNull(form.get("text"))));
            service.addNote(n, r.text(), actor, version);
            return "order.done.note";
        });
    }

    /**
     * 主任决定办结, the one close this page offers: the director's override of the quality loop, which must say
     * why. Replied orders otherwise close through review and callback, on the quality loop's pages.
     */
    @PostMapping("/{number}/close")
    String overrideClose(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "OVERRIDE_CLOSE", form, actor, model, flash, response, (n, version) -> {
            var r = valid(new WorkOrderController.ReasonRequest(blankToNull(form.get("reason"))));
            service.overrideClose(n, r.reason(), actor, version);
            return "order.done.override-close";
        });
    }

    @PostMapping("/{number}/attachments")
    String attach(@PathVariable String number, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act(number, "ATTACH", form, actor, model, flash, response, (n, version) -> {
            AttachmentFiles.Accepted upload;
            try {
                // the same checks as the REST upload: the type from the bytes, photos without their location
                upload = AttachmentFiles.accept("file", file, maxUpload);
            } catch (IOException e) {
                throw new InvalidInputException("file", "文件读取失败，请重新选择文件");
            }
            service.attach(n, upload.name(), upload.contentType(), upload.data(), actor);
            return "order.done.attach";
        });
    }

    // ---------------------------------------------------------------- how every action runs

    @FunctionalInterface
    private interface Step {
        /** Does the action; answers the message key of the notice shown after it. */
        String run(OrderNumber number, Long version);
    }

    private String act(String number, String action, Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response, Step step) {
        OrderNumber n = number(number);
        try {
            flash.addFlashAttribute("notice", step.run(n, version(form.get("version"))));
            return "redirect:/console/orders/" + n.value();
        } catch (RuntimeException e) {
            // the user's to fix (bad input, a rule that says no, a stale page): the page as it is now, with why
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("openForm", action);
            model.addAttribute("form", form);
            return order(number, actor, model);
        }
    }

    private <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    private Map<String, String> unitNames() {
        return units.all().stream().collect(java.util.stream.Collectors.toMap(u -> u.id().value(), Unit::name,
                (a, b) -> a));
    }

    private static OrderNumber number(String number) {
        if (!OrderNumber.isWellFormed(number)) {
            throw new NotFoundException("工单 " + number + " 不存在");
        }
        return new OrderNumber(number);
    }

    /** The version the page showed; a page without one acts on whatever is current, like a REST call without If-Match. */
    private static Long version(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "页面版本无效，请刷新页面后重试");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            return null; // the request's own @NotNull says "必须填写" next to the field
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "请从列表中选择");
        }
    }

    private static Boolean yesNo(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : Boolean.valueOf("true".equals(value));
    }

    /** A page number from the address; anything unreadable is the first page. */
    private static int integer(Map<String, String> params, String field, int fallback) {
        String value = params.get(field);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Integer integer(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "请填写整数");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
