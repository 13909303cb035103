package org.hotline.knowledge.internal;

import java.util.List;

import org.hotline.knowledge.KnowledgeSuggestion;
import org.hotline.knowledge.KnowledgeSuggestions;
import org.hotline.triage.KnowledgeAnswers;
import org.hotline.triage.KnowledgeCandidate;
import org.springframework.stereotype.Component;

/**
 * The knowledge base behind triage's {@link KnowledgeAnswers}: the published entries valid today that the
 * operator is offered as they type, scored by their coverage of the appeal (the share of its telling words the
 * entry contains, comparable across appeals), not by BM25, whose scale depends on the appeal. Triage suggests
 * answering at intake when the best covers at least its knowledge threshold (0.6), where the first suggestion
 * was right about nine times in ten on the real replies (README, "Knowledge base").
 */
@Component
class KnowledgeAnswersForTriage implements KnowledgeAnswers {

    private final KnowledgeSuggestions suggestions;

    KnowledgeAnswersForTriage(KnowledgeSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @Override
    public List<KnowledgeCandidate> candidates(String text, int limit) {
        if (text == null || text.isBlank() || limit < 1) {
            return List.of();
        }
        return suggestions.suggest(text, Math.min(limit, KnowledgeSuggestions.MAX)).stream()
                .map(KnowledgeAnswersForTriage::candidate).toList();
    }

    static KnowledgeCandidate candidate(KnowledgeSuggestion s) {
        double score = Double.isFinite(s.coverage()) ? Math.max(0, Math.min(1, s.coverage())) : 0;
        return new KnowledgeCandidate(s.entry().id().toString(), s.entry().title(), s.entry().answer(), score,
                s.matchedWords());
    }
}
