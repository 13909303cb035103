package org.hotline.knowledge.internal;

import java.util.List;

import org.hotline.console.ConsoleController;
import org.hotline.console.MarkedText;
import org.hotline.knowledge.KnowledgeEntry;
import org.hotline.knowledge.KnowledgeSuggestion;
import org.hotline.organization.Actor;
import org.hotline.organization.Unit;
import org.hotline.organization.Units;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The intake screen's knowledge panel (知识库), an htmx fragment that follows the operator's typing: the entries
 * {@code POST /api/v1/knowledge/suggest} suggests for the appeal's text (the same service, the same access), each
 * with its title and answer readable, the matched words marked, and one button that answers the inquiry with the
 * entry and closes it ({@code /console/intake/answer} with the entry, the API's triage decision KNOWLEDGE).
 */
@ConsoleController
class KnowledgePanel {

    /** How many entries the panel offers: an operator on a call reads no more. */
    static final int SHOWN = 3;

    /** One suggested entry as the panel shows it. */
    record Card(KnowledgeEntry entry, String unit, List<MarkedText.Segment> title, List<MarkedText.Segment> answer,
            List<String> words, String percent) {
    }

    private final KnowledgeBase knowledge;
    private final Units units;

    KnowledgePanel(KnowledgeBase knowledge, Units units) {
        this.knowledge = knowledge;
        this.units = units;
    }

    @PostMapping("/console/intake/knowledge")
    String suggest(@RequestParam(required = false) String content, Actor actor, Model model) {
        String text = content == null || content.isBlank() ? null : content.strip();
        if (text != null && text.length() > 4000) {
            text = text.substring(0, 4000);
        }
        // asked even for an empty text: the access rule is the API's, whatever the text
        List<KnowledgeSuggestion> found = knowledge.suggest(text == null ? "" : text, SHOWN, actor);
        model.addAttribute("typed", text != null);
        model.addAttribute("cards", found.stream().map(this::card).toList());
        return "knowledge/intake-panel :: knowledge";
    }

    private Card card(KnowledgeSuggestion s) {
        KnowledgeEntry e = s.entry();
        String unit = e.unit() == null ? null : units.find(e.unit()).map(Unit::name).orElse(e.unit().value());
        return new Card(e, unit, MarkedText.of(e.title(), s.matchedWords()), MarkedText.of(e.answer(), s.matchedWords()),
                s.matchedWords(), Math.round(Math.max(0, Math.min(1, s.coverage())) * 100) + "%");
    }
}
