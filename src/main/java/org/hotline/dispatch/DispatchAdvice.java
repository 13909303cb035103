package org.hotline.dispatch;

import java.util.List;

import org.hotline.organization.UnitId;

/**
 * The dispatch decision for one order. {@code automatic} is true only when the model is confident enough
 * (top probability at least the threshold), a lead unit was found and no rule asked for a human; otherwise
 * {@code manualReason} says why the order waits for a dispatcher, who sees the ranked {@code suggestions}.
 * {@code lead}, {@code coUnits}, {@code categoryCode} and {@code rule} are the best suggestion's, recorded
 * even when a human decides, so that the record can show whether the human agreed.
 *
 * @param ranked     the model's top labels (at most three) with their calibrated probabilities; empty when
 *                   there was no model or nothing to classify
 * @param confidence the top probability, 0 when there is none
 * @param place      where the order is, or null when neither address nor text names a known place
 */
public record DispatchAdvice(String modelVersion, LabelKind labelKind, List<Suggestion> ranked, double confidence,
        PlaceMatch place, String categoryCode, UnitId lead, List<UnitId> coUnits, String rule, boolean automatic,
        String manualReason, List<UnitSuggestion> suggestions, String explanation) {

    public DispatchAdvice {
        ranked = ranked == null ? List.of() : List.copyOf(ranked);
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    /** The territorial unit found from the address or text, or null. */
    public UnitId territorialUnit() {
        return place == null ? null : place.unit();
    }
}
