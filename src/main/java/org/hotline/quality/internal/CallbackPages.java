package org.hotline.quality.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.hotline.console.ConsoleController;
import org.hotline.console.ConsoleFormat;
import org.hotline.console.PageErrors;
import org.hotline.organization.Actor;
import org.hotline.quality.CallResult;
import org.hotline.quality.NextStep;
import org.hotline.quality.ReplyCheck;
import org.hotline.quality.Satisfaction;
import org.hotline.workorder.Decision;
import org.hotline.workorder.OrderNumber;
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
 * 回访 (/console/callbacks): the callbacks due now, the longest waiting first, and beside them the selected one
 * with the citizen's full number (the one place it is shown: the quality module gives it to the callback agents,
 * {@link QualityQueues#callbacksDue}), the reply the citizen is asked about, the calls made so far, a call script,
 * and the form to record the call.
 *
 * <p>An adapter like {@link QualityController}: the queue is {@link QualityLoop#callbackQueue}, the call
 * {@link QualityLoop#recordCallback} with the REST request's own checks ({@link QualityController#callResult});
 * whether a call may be recorded now is the reply check's answer ({@link QualityLoop#callbackCase}). After a call
 * the page says what followed, from the check's answer: closed, redone, escalated, or the next attempt's date.
 */
@ConsoleController
@RequestMapping("/console/callbacks")
class CallbackPages {

    static final int PAGE_SIZE = 20;
    /** How much of the appeal and of the reply the script reads out. */
    private static final int APPEAL_WORDS = 40;
    private static final int REPLY_WORDS = 60;

    private final QualityLoop loop;
    private final QualityPages pages;
    private final MessageSource messages;
    private final ConsoleFormat fmt;

    CallbackPages(QualityLoop loop, QualityPages pages, MessageSource messages, ConsoleFormat fmt) {
        this.loop = loop;
        this.pages = pages;
        this.messages = messages;
        this.fmt = fmt;
    }

    /** The selected callback: the queue's item (null when it no longer waits), the calls so far, the script. */
    record Selected(String number, QualityViews.CallbackItem item, String category, boolean mayRecord, String refusal,
            List<QualityPages.AttemptRow> attempts, List<String> script, List<String> questions, String closing) {
    }

    @GetMapping
    String queue(@RequestParam(required = false) Integer page, @RequestParam(required = false) String n, Actor actor,
            Model model, @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-Boosted", required = false) String boosted) {
        int from = QualityPages.page(page);
        // a user who is not a callback agent is refused by the queue itself (403), with its reason
        var queue = loop.callbackQueue(actor, from, PAGE_SIZE);
        OrderNumber selected = n != null && !n.isBlank() ? QualityPages.number(n.strip())
                : queue.items().isEmpty() ? null : new OrderNumber(queue.items().get(0).number());
        model.addAttribute("queue", queue);
        model.addAttribute("page", from);
        model.addAttribute("pages", (queue.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("selected", selected == null ? null : selected.value());
        model.addAttribute("next", selected == null ? null
                : QualityPages.next(queue.items().stream().map(QualityViews.CallbackItem::number).toList(), selected.value()));
        model.addAttribute("satisfactions", Satisfaction.values());
        if (selected != null) {
            model.addAttribute("item", selected(loop.callbackCase(selected, actor), actor));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return QualityPages.partial(htmx, boosted) ? "quality/callbacks :: panes" : "quality/callbacks";
    }

    @PostMapping("/{number}/attempts")
    String record(@PathVariable String number, @RequestParam Map<String, String> form, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        OrderNumber n = QualityPages.number(number);
        Integer page = QualityPages.pageOf(form.get("page"));
        try {
            var r = pages.valid(new QualityController.CallbackAttemptRequest(
                    QualityPages.yesNo(form, "reached", "reached"), QualityPages.yesNo(form, "resolved", "resolved"),
                    QualityPages.choice(Satisfaction.class, form, "satisfaction", "satisfaction"),
                    QualityPages.blankToNull(form.get("comment"))));
            CallResult result = QualityController.callResult(r);
            ReplyCheck check = loop.recordCallback(n, result, actor);
            flash.addFlashAttribute("outcome", outcome(n, result, check));
            if (page != null && page > 0) {
                flash.addAttribute("page", page);
            }
            String next = QualityPages.blankToNull(form.get("next"));
            if (next != null && !next.equals(n.value()) && OrderNumber.isWellFormed(next)) {
                flash.addAttribute("n", next);
            }
            return "redirect:/console/callbacks";
        } catch (RuntimeException e) {
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("form", form);
            return queue(page, n.value(), actor, model, null, null);
        }
    }

    /** What the call led to, from the check's answer. */
    private String outcome(OrderNumber n, CallResult result, ReplyCheck check) {
        NextStep next = check.next();
        String call = text("callbacks.done.recorded", n.value(), check.attempts(), result.label());
        if (next instanceof NextStep.AwaitCallback again) {
            return call + text("callbacks.done.again", fmt.time(again.due()));
        }
        if (next instanceof NextStep.Close close) {
            return call + text("callbacks.done.closed", close.note());
        }
        if (next instanceof NextStep.Redo redo) {
            return call + text("callbacks.done.redo", redo.reason());
        }
        if (next instanceof NextStep.Escalate escalate) {
            return call + text("callbacks.done.escalated", escalate.reason());
        }
        return call;
    }

    private Selected selected(QualityLoop.CallbackCase c, Actor agent) {
        QualityViews.CallbackItem item = c.item();
        String refusal = c.decision() instanceof Decision.Rejected r ? r.reason() : null;
        List<String> script = List.of();
        List<String> questions = List.of();
        String closing = null;
        if (item != null) {
            String unit = item.unitName();
            String name = item.citizenName() == null || item.citizenName().isBlank() ? text("callbacks.script.citizen")
                    : item.citizenName();
            script = List.of(text("callbacks.script.greeting", name),
                    text("callbacks.script.identity", agent.displayName() == null ? agent.username() : agent.displayName()),
                    text("callbacks.script.appeal", QualityPages.excerpt(item.content(), APPEAL_WORDS)),
                    text("callbacks.script.reply", unit, QualityPages.excerpt(item.publicReply(), REPLY_WORDS)));
            questions = List.of(text("callbacks.script.q1", unit), text("callbacks.script.q2"),
                    text("callbacks.script.q3"));
            closing = text("callbacks.script.closing");
        }
        return new Selected(c.number().value(), item, item == null ? null : pages.category(item.categoryCode()),
                refusal == null, refusal, QualityPages.attempts(c.attempts()), script, questions, closing);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
