package org.hotline.dispatch;

import java.util.List;

/**
 * What the classifier says about one message: its labels ranked best first (at most three), and which model
 * said so. An empty ranking means the text gave nothing to go on (empty, emoji only): the order needs a human.
 */
public record Classification(String modelVersion, LabelKind labelKind, List<Suggestion> ranked) {

    public boolean isEmpty() {
        return ranked.isEmpty();
    }

    public Suggestion best() {
        return ranked.get(0);
    }
}
