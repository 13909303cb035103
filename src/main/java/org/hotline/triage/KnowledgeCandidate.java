package org.hotline.triage;

import java.util.List;

/**
 * A knowledge-base entry that may answer an inquiry: its id (which the order records when the operator answers
 * from it), its title, the answer as the operator reads it out, and the knowledge base's score in [0, 1] that the
 * entry answers this appeal; {@code words} are the appeal's words it matched, shown as evidence.
 */
public record KnowledgeCandidate(String entry, String title, String answer, double score, List<String> words) {

    public KnowledgeCandidate {
        words = words == null ? List.of() : List.copyOf(words);
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a knowledge score lies in [0, 1], not " + score);
        }
    }
}
