package org.hotline.quality.internal;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.organization.Actor;
import org.hotline.platform.NotFoundException;
import org.hotline.workorder.Decision;
import org.hotline.workorder.OrderAction;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderNumberParameter;
import org.hotline.workorder.SupervisionLists;
import org.hotline.workorder.WorkOrderService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 转督办 (/console/supervision/escalations), a tab of the supervisors' desk: the orders that failed their callback
 * after two redos, oldest first. A supervisor (or the director) settles each with the unit and then concludes it
 * (督办办结, with the conclusion the order closes on) or sends it back for another redo.
 *
 * <p>An adapter like {@link QualityController}: the queue and the conclusion are the quality loop's own
 * ({@link QualityLoop#escalationQueue}, {@link QualityLoop#concludeEscalation}), with the REST request's checks; the
 * redo is the work order's ({@link WorkOrderService#redo}), offered where the order offers it.
 */
@ConsoleController
@RequestMapping("/console/supervision/escalations")
class EscalationPages {

    static final int PAGE_SIZE = 20;

    /** The redo's request, checked like the REST API's ({@code POST /api/v1/orders/{n}/redo}). */
    record RedoRequest(@NotBlank(message = "必须说明理由") @Size(max = 2000, message = "不能超过 2000 个字符")
            String reason) {
    }

    private final QualityLoop loop;
    private final WorkOrderService orders;
    private final Validator validator;

    EscalationPages(QualityLoop loop, WorkOrderService orders, Validator validator) {
        this.loop = loop;
        this.orders = orders;
        this.validator = validator;
    }

    @GetMapping
    String escalations(@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        QualityViews.PageView<QualityViews.EscalationItem> queue = loop.escalationQueue(actor, Math.max(0, page),
                PAGE_SIZE);
        model.addAttribute("queue", queue);
        model.addAttribute("pages", Math.max(1, (queue.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        // 退回重办 is offered where the order offers it to the viewer
        model.addAttribute("redoable", orders.actionsFor(
                queue.items().stream().map(i -> new OrderNumber(i.number())).toList(), actor).entrySet().stream()
                .filter(e -> e.getValue().get(OrderAction.REDO) instanceof Decision.Allowed)
                .map(e -> e.getKey().value()).collect(java.util.stream.Collectors.toSet()));
        // the desk's other tabs, counted as on their own page
        model.addAttribute("counts", orders.supervision(new SupervisionLists.Query(null, null, null, null, 0, 1), actor)
                .counts());
        model.addAttribute("kinds", SupervisionLists.Kind.values());
        model.addAttribute("tab", "ESCALATIONS");
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
            model.addAttribute("openForm", "");
            model.addAttribute("failedRow", "");
        }
        return "quality/escalations";
    }

    /** The number on the desk's tab, fetched by htmx from the pages that cannot count escalations themselves. */
    @GetMapping("/count")
    String count(Actor actor, Model model) {
        model.addAttribute("total", loop.escalationQueue(actor, 0, 1).total());
        return "quality/escalations :: count";
    }

    /** 督办办结: the conclusion, on which the order closes through the quality loop. */
    @PostMapping("/{number}/conclusion")
    String conclude(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "CONCLUDE", form, actor, model, flash, response, n -> {
            var r = valid(new QualityController.ConclusionRequest(blankToNull(form.get("conclusion"))));
            loop.concludeEscalation(n, r.conclusion(), actor);
            return "escalation.done.conclude";
        });
    }

    /** 退回重办: the supervisor sends the order back to the unit once more. */
    @PostMapping("/{number}/redo")
    String redo(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        return act(number, "REDO", form, actor, model, flash, response, n -> {
            var r = valid(new RedoRequest(blankToNull(form.get("reason"))));
            orders.redo(n, r.reason(), actor, null);
            return "escalation.done.redo";
        });
    }

    @FunctionalInterface
    private interface Step {
        String run(OrderNumber number);
    }

    private String act(String number, String action, Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response, Step step) {
        OrderNumber n = number(number);
        try {
            flash.addFlashAttribute("notice", step.run(n));
            return "redirect:/console/supervision/escalations";
        } catch (RuntimeException e) {
            // bad input next to its field on the order's line, a rule's refusal with its reason; the queue as it is
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("form", form);
            model.addAttribute("openForm", action);
            model.addAttribute("failedRow", n.value());
            return escalations(0, actor, model);
        }
    }

    private <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    private static OrderNumber number(String number) {
        return OrderNumberParameter.parse(number);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
