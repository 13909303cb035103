package org.hotline.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * A knowledge base for tests that are not about search: each entry answers the appeals that contain its key
 * phrase, with the score it was given.
 */
public final class FakeKnowledge implements KnowledgeAnswers {

    private record Entry(String phrase, KnowledgeCandidate candidate) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private boolean failing;

    public FakeKnowledge with(String phrase, String entry, String title, String answer, double score) {
        entries.add(new Entry(phrase, new KnowledgeCandidate(entry, title, answer, score, List.of(phrase))));
        return this;
    }

    /** Every call fails from now on, as a broken knowledge base would. */
    public FakeKnowledge failing() {
        failing = true;
        return this;
    }

    @Override
    public List<KnowledgeCandidate> candidates(String text, int limit) {
        if (failing) {
            throw new IllegalStateException("the knowledge base is down");
        }
        return entries.stream().filter(e -> text.contains(e.phrase())).map(Entry::candidate)
                .sorted((a, b) -> Double.compare(b.score(), a.score())).limit(limit).toList();
    }
}
