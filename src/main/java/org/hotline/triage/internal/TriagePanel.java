package org.hotline.triage.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.hotline.console.ConsoleController;
import org.hotline.console.MarkedText;
import org.hotline.organization.Actor;
import org.hotline.platform.ForbiddenException;
import org.hotline.triage.TriageAccess;
import org.hotline.triage.TriageRequest;
import org.hotline.triage.Triager;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Decision;
import org.hotline.workorder.IntakeTriage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The intake screen's triage panel (分流), an htmx fragment that follows the operator's typing: the advice of
 * {@code POST /api/v1/triage/advice} (the same triager, the same shape), with the words behind it marked in the
 * text and the one action that settles the call as advised: "transferred to 119" for an emergency, "told the
 * proper channel" (with the explanation the citizen was given, editable), "recorded as invalid", or the knowledge
 * entry's answer. The buttons belong to the intake form ({@code form="intake-form"}) and post it to
 * {@code /console/intake/settle} or {@code /console/intake/answer}, which register the call with that decision as
 * the API's {@code triage} field does. Nothing is recorded while typing.
 */
@ConsoleController
class TriagePanel {

    /** As the advice endpoint: past this, a text is a letter, which triage reads but never decides. */
    static final int MAX_TEXT = 4000;

    private final Triager triager;

    TriagePanel(Triager triager) {
        this.triager = triager;
    }

    @PostMapping("/console/intake/triage")
    String triage(@RequestParam(required = false) String content, @RequestParam(required = false) String appealType,
            @RequestParam(required = false) String channel, Actor actor, Model model) {
        if (TriageAccess.mayAsk(actor) instanceof Decision.Rejected r) {
            throw new ForbiddenException(r.code(), r.reason());
        }
        String text = content == null || content.isBlank() ? null : content.strip();
        if (text == null) {
            model.addAttribute("advice", null);
            return "triage/intake-panel :: triage";
        }
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        IntakeTriage.Advice advice = Advices.of(triager.triage(new TriageRequest(text, choice(AppealType.class,
                appealType), choice(Channel.class, channel))));
        Set<String> words = new LinkedHashSet<>();
        advice.evidence().forEach(e -> words.addAll(e.words()));
        model.addAttribute("advice", advice);
        model.addAttribute("segments", MarkedText.of(text, words));
        model.addAttribute("marked", !words.isEmpty());
        return "triage/intake-panel :: triage";
    }

    /** A choice as the form sends it; anything else is no choice (triage then reads the text alone). */
    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.strip())) {
                return e;
            }
        }
        return null;
    }
}
