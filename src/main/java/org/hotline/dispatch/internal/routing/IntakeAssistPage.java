package org.hotline.dispatch.internal.routing;

import java.util.List;

import org.hotline.console.ConsoleController;
import org.hotline.dispatch.DispatchAdvice;
import org.hotline.dispatch.DispatchRequest;
import org.hotline.organization.Actor;
import org.hotline.platform.ForbiddenException;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrderService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the intake screen shows beside the form while the operator types (an htmx fragment): the AI's dispatch
 * suggestion for the text and address so far (category, lead unit, territorial unit, co-units, confidence, the
 * words behind it marked in the operator's own text), and the open orders about the same problem at the same
 * place, each with the button that attaches the call to it.
 *
 * <p>The advice is the dispatch advice endpoint's ({@code forAPerson}: every suggestion routed and explained);
 * nothing is recorded. A POST, because the text may be longer than an address line may be; it changes nothing.
 */
@ConsoleController
class IntakeAssistPage {

    /** Past this many characters the text says no more about where it goes, and the advice would only cost. */
    static final int MAX_TEXT = 4000;

    private final DispatchDecisions decisions;
    private final AdviceCards cards;
    private final SimilarOpenOrders similar;
    private final WorkOrderService orders;

    IntakeAssistPage(DispatchDecisions decisions, AdviceCards cards, SimilarOpenOrders similar,
            WorkOrderService orders) {
        this.decisions = decisions;
        this.cards = cards;
        this.similar = similar;
        this.orders = orders;
    }

    @PostMapping("/console/intake/assist")
    String assist(@RequestParam(required = false) String content, @RequestParam(required = false) String address,
            @RequestParam(required = false) String urgent, Actor actor, Model model) {
        if (!orders.mayRegister(actor)) {
            throw new ForbiddenException("intake-not-permitted", "只有话务员和派单员可以受理来电");
        }
        String text = clip(content, MAX_TEXT);
        String place = clip(address, 200);
        if (text == null) {
            model.addAttribute("card", null);
            model.addAttribute("similar", List.of());
            return "dispatch/intake-assist :: assist";
        }
        DispatchAdvice advice = decisions.adviseForAPerson(new DispatchRequest(text, place,
                urgent != null ? Urgency.URGENT : Urgency.NORMAL, null));
        AdviceCards.Card card = cards.of(advice);
        model.addAttribute("card", card);
        model.addAttribute("segments", AdviceCards.highlight(text, card.evidence()));
        model.addAttribute("similar", similar.find(text, place, advice.categoryCode(), null, actor));
        return "dispatch/intake-assist :: assist";
    }

    private static String clip(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
