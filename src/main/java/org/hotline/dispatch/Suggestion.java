package org.hotline.dispatch;

import java.util.List;

/**
 * One ranked answer of the classifier: a label (a category code or a unit id, see {@link LabelKind}), its
 * calibrated probability, and the words of the message that drove it.
 */
public record Suggestion(String label, double probability, List<String> evidence) {
}
