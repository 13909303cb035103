package org.hotline.triage;

import java.util.List;

/**
 * Why triage decided as it did: a rule, what it means ({@code label}, as the operator reads it), and the whole
 * words of the appeal that made it fire; for a rule held back, also the words that held it back.
 */
public record Evidence(String rule, String label, Effect effect, List<String> words, List<String> against) {

    public Evidence {
        words = List.copyOf(words);
        against = against == null ? List.of() : List.copyOf(against);
    }

    public enum Effect {
        /** The rule decided the outcome. */
        DECIDED,
        /** The rule fired without the context that makes it sure: the operator is asked to look. */
        HINT,
        /** The rule's words are there, but the context says otherwise (a past fire, a question about suing). */
        HELD_BACK
    }
}
