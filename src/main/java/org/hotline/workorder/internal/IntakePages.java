package org.hotline.workorder.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.organization.Actor;
import org.hotline.organization.Unit;
import org.hotline.organization.Units;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.EmergencyService;
import org.hotline.workorder.IntakeDecision;
import org.hotline.workorder.InvalidReason;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderPage;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.ProperRoute;
import org.hotline.workorder.Settlement;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operator's intake screen (受理): the form for a call, the caller's earlier appeals the moment the number is
 * in, and three ways to finish the call: register an order, answer an inquiry on the spot (直接答复), or attach
 * the call to an open order about the same matter (重复来电并单). The AI's live suggestion and the similar open
 * orders beside the form come from the dispatch module ({@code /console/intake/assist}).
 *
 * <p>An adapter like {@link WorkOrderController#register}: the form is checked with the REST request's own
 * constraints and becomes the same appeal. Each rendering of the form carries a fresh idempotency key, sent to
 * the service as the REST client's {@code Idempotency-Key}: a double click, or a retry after a timeout, gets the
 * order the first submission made, never a second one.
 */
@ConsoleController
@RequestMapping("/console/intake")
class IntakePages {

    /** How many of the caller's earlier appeals the screen lists (newest first). */
    static final int HISTORY_SHOWN = 5;

    /** The form's fields, as the template names them, with the request constraint paths they are checked under. */
    private static final Set<String> FIELDS = Set.of("phone", "name", "anonymous", "confidential", "appealType",
            "content", "address", "urgent", "channel", "intakeAnswer", "idempotencyKey", "master", "triageExplanation");

    private final WorkOrderService service;
    private final Validator validator;
    private final ObjectMapper json;
    private final Units units;

    IntakePages(WorkOrderService service, Validator validator, ObjectMapper json, Units units) {
        this.service = service;
        this.validator = validator;
        this.json = json;
        this.units = units;
    }

    /** What the operator sees after a call was registered: its number, and how it ended. */
    record Done(String kind, String number, String status, String master, String lead, String route)
            implements java.io.Serializable {
    }

    /** The caller's earlier appeals: the newest few and how many there are. */
    record CallerHistory(String phone, List<OrderViews.SummaryView> orders, long total) {
    }

    // ---------------------------------------------------------------- the screen

    /**
     * The empty form, focus in the phone field. {@code phone}: the caller's number as a telephony system passes
     * it when the phone rings; the form then opens with it and the caller's history.
     */
    @GetMapping
    String form(@RequestParam(required = false) String phone, Actor actor, Model model) {
        requireIntake(actor);
        if (!model.containsAttribute("form")) {
            Map<String, String> form = new HashMap<>();
            form.put("channel", Channel.PHONE.name());
            if (phone != null && phone.length() <= 30) {
                form.put("phone", phone.strip());
            }
            model.addAttribute("form", form);
        }
        if (!model.containsAttribute("idempotencyKey")) {
            model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        }
        @SuppressWarnings("unchecked")
        Map<String, String> form = (Map<String, String>) model.getAttribute("form");
        model.addAttribute("caller", callerHistory(form.get("phone"), actor).orElse(null));
        model.addAttribute("appealTypes", AppealType.values());
        model.addAttribute("channels", Channel.values());
        return "workorder/intake";
    }

    /** The caller's history for the number typed so far: nothing until it is a whole number. */
    @GetMapping("/caller")
    String caller(@RequestParam(required = false) String phone, Actor actor, Model model) {
        requireIntake(actor);
        model.addAttribute("caller", callerHistory(phone, actor).orElse(null));
        return "workorder/intake :: callerHistory";
    }

    private Optional<CallerHistory> callerHistory(String phone, Actor actor) {
        if (phone == null || phone.length() > 30) {
            return Optional.empty();
        }
        return Citizen.normalisePhone(phone).map(digits -> {
            // the same search as GET /api/v1/callers/{phone}/orders: CallerSearch decides who may
            OrderPage page = service.search(new OrderQuery(Set.of(), null, null, null, null, null, null, null, null,
                    null, 0, HISTORY_SHOWN).byCaller(digits, null), actor);
            return new CallerHistory(digits, OrderViews.of(page, actor).items(), page.total());
        });
    }

    // ---------------------------------------------------------------- finishing a call

    /** 受理: registers the call as an order, which then goes to dispatch (by the AI when it is sure). */
    @PostMapping
    String register(@RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return finish("register", form, actor, model, flash, response, (appeal, key, fingerprint) -> {
            WorkOrder order = service.register(appeal, null, actor, key, fingerprint).order();
            return done("registered", order, null);
        });
    }

    /**
     * 直接答复: an inquiry answered during the call is registered and closed with the answer: the one the operator
     * wrote, or a knowledge-base entry's ({@code knowledgeEntry}, the button of a suggested entry, with its answer as
     * {@code knowledgeAnswer.<entry>}), recorded with the entry as the API's triage decision KNOWLEDGE records it.
     */
    @PostMapping("/answer")
    String answer(@RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return finish("answer", form, actor, model, flash, response, (appeal, key, fingerprint) -> {
            String entry = blankToNull(form.get("knowledgeEntry"));
            if (entry != null && entry.length() > 64) {
                throw new InvalidInputException("knowledgeEntry", "知识条目编号不正确");
            }
            // without an answer the service would register an ordinary order: that is not what was asked for
            String answer = entry == null ? blankToNull(form.get("intakeAnswer"))
                    : blankToNull(form.get("knowledgeAnswer." + entry));
            if (answer == null) {
                throw new InvalidInputException("intakeAnswer", "直接答复必须填写答复内容");
            }
            if (answer.length() > 4000) {
                throw new InvalidInputException("intakeAnswer", "不能超过 4000 个字符");
            }
            WorkOrder order = service.intake(appeal, entry == null ? IntakeDecision.of(answer)
                    : IntakeDecision.answer(answer, entry), actor, key, fingerprint).order();
            return done("answered", order, null);
        });
    }

    /**
     * 分流办结: the call is registered and settled at once as triage advised and the operator confirmed, the API's
     * triage decision: referred to an emergency service (the call was transferred), redirected to its proper
     * channel (with what the citizen was told) or recorded as invalid. {@code settle} names the outcome and its
     * target, as the triage panel's button carries it: {@code EMERGENCY:FIRE}, {@code OTHER_CHANNEL:LITIGATION},
     * {@code INVALID:SILENT}.
     */
    @PostMapping("/settle")
    String settle(@RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return finish("settle", form, actor, model, flash, response, (appeal, key, fingerprint) -> {
            Settlement settlement = settlement(form.get("settle"), blankToNull(form.get("triageExplanation")));
            WorkOrder order = service.intake(appeal, IntakeDecision.settle(settlement), actor, key, fingerprint)
                    .order();
            return done("settled", order, null);
        });
    }

    private static Settlement settlement(String value, String explanation) {
        String[] parts = value == null ? new String[0] : value.strip().split(":", 2);
        if (parts.length != 2 || parts[1].isBlank()) {
            throw new InvalidInputException("settle", "请按分流建议选择办结方式");
        }
        String target = parts[1].strip();
        try {
            return switch (parts[0]) {
                case "EMERGENCY" -> new Settlement.Referral(EmergencyService.of(target).orElseThrow(
                        () -> new InvalidInputException("settle", "应为 110、119、120、122 之一")), null);
                case "OTHER_CHANNEL" -> {
                    if (explanation != null && explanation.length() > 4000) {
                        throw new InvalidInputException("triageExplanation", "不能超过 4000 个字符");
                    }
                    yield new Settlement.Redirection(ProperRoute.valueOf(target), explanation);
                }
                case "INVALID" -> new Settlement.Invalid(InvalidReason.valueOf(target), null);
                default -> throw new InvalidInputException("settle", "请按分流建议选择办结方式");
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("settle", "请按分流建议选择办结方式");
        }
    }

    /** 重复来电并单: the call is registered and merged into the open order chosen from the similar ones. */
    @PostMapping("/attach")
    String attach(@RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return finish("attach", form, actor, model, flash, response, (appeal, key, fingerprint) -> {
            String master = blankToNull(form.get("master"));
            if (master == null || !OrderNumber.isWellFormed(master)) {
                throw new InvalidInputException("master", "请选择要并入的工单");
            }
            WorkOrder order = service.registerRepeat(appeal, new OrderNumber(master), null, actor, key, fingerprint)
                    .order();
            return done("attached", order, master);
        });
    }

    /** How the call ended, with the unit the AI sent it to when it was sure enough to dispatch at once. */
    private Done done(String kind, WorkOrder order, String master) {
        String lead = order.leadUnit() == null || master != null ? null
                : units.find(order.leadUnit()).map(Unit::name).orElse(order.leadUnit().value());
        return new Done(kind, order.number().value(), order.status().label(), master, lead, route(order));
    }

    /** Where a settled call went, in words: "119 消防救援", "诉讼（人民法院）", "骚扰电话". */
    private static String route(WorkOrder order) {
        if (order.intakeOutcome() == null || order.intakeRoute() == null) {
            return null;
        }
        String r = order.intakeRoute();
        try {
            return switch (order.intakeOutcome()) {
                case EMERGENCY -> EmergencyService.valueOf(r).number() + " " + EmergencyService.valueOf(r).label();
                case OTHER_CHANNEL -> ProperRoute.valueOf(r).label();
                case INVALID -> InvalidReason.valueOf(r).label();
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            return r;
        }
    }

    @FunctionalInterface
    private interface Finish {
        Done run(WorkOrder.Appeal appeal, String idempotencyKey, String fingerprint);
    }

    private String finish(String action, Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response, Finish finish) {
        requireIntake(actor);
        try {
            String key = idempotencyKey(form.get("idempotencyKey"));
            WorkOrderController.RegisterRequest request = valid(request(form));
            WorkOrder.Appeal appeal = WorkOrderController.appeal(request);
            Done done = finish.run(appeal, key, key == null ? null
                    : fingerprint(action, request, form.get("master") + "|" + form.get("settle") + "|"
                            + form.get("knowledgeEntry") + "|" + form.get("triageExplanation")));
            flash.addFlashAttribute("done", done);
            return "redirect:/console/intake";
        } catch (RuntimeException e) {
            // the operator's to fix (bad input, a rule that says no): the form as they filled it, with why; the
            // same idempotency key, since nothing was registered under it
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("form", kept(form));
            String key = form.get("idempotencyKey");
            model.addAttribute("idempotencyKey", key == null || key.isBlank() || key.length() > 100
                    ? UUID.randomUUID().toString() : key.strip());
            return form(null, actor, model);
        }
    }

    /** The form as the REST request it stands for, checked by that request's own constraints. */
    private static WorkOrderController.RegisterRequest request(Map<String, String> form) {
        boolean anonymous = form.containsKey("anonymous");
        return new WorkOrderController.RegisterRequest(choice(Channel.class, form, "channel"),
                choice(AppealType.class, form, "appealType"),
                new WorkOrderController.CitizenRequest(anonymous ? null : blankToNull(form.get("name")),
                        blankToNull(form.get("phone")), form.containsKey("confidential")),
                blankToNull(form.get("content")),
                new WorkOrderController.LocationRequest(blankToNull(form.get("address")), null, null), null,
                form.containsKey("urgent") ? Urgency.URGENT : Urgency.NORMAL, blankToNull(form.get("intakeAnswer")),
                null);
    }

    private <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    /**
     * What the submission was: the same key with another call's details (a form edited after it was sent) is a
     * conflict, never that other call's order.
     */
    private String fingerprint(String action, WorkOrderController.RegisterRequest request, String master) {
        try {
            byte[] body = json.writeValueAsBytes(request);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(body);
            sha.update(("|" + action + "|" + (master == null ? "" : master)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String idempotencyKey(String key) {
        if (key == null || key.isBlank()) {
            return null; // a form from before keys, or without them: registered like a request without the header
        }
        if (key.length() > 100) {
            throw new InvalidInputException("idempotencyKey", "页面已过期，请刷新后重新填写");
        }
        return key.strip();
    }

    private void requireIntake(Actor actor) {
        if (!service.mayRegister(actor)) {
            throw new ForbiddenException("intake-not-permitted", "只有话务员和派单员可以受理来电");
        }
    }

    /** The fields of the form to show again: what the operator typed, nothing else a client may have sent. */
    private static Map<String, String> kept(Map<String, String> form) {
        Map<String, String> kept = new HashMap<>();
        form.forEach((k, v) -> {
            if (FIELDS.contains(k)) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            return null; // the request's own @NotNull says "必须填写" next to the field
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "请从列表中选择"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
