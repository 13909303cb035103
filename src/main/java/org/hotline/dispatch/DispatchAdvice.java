package org.hotline.dispatch;

import java.util.List;

import org.hotline.organization.UnitId;

/**
 * The dispatch decision for one order. The unit is the decision: {@code confidence} is the probability that
 * {@code lead} should lead the order, the sum of the model's probabilities of every category that routes to it
 * (and so of categories the model could not tell apart but that go to the same unit), lowered for a message the
 * model knows little about. {@code automatic} is true only when that confidence reaches the threshold, a lead
 * unit was found and no rule asked for a person; otherwise {@code manualReason} says why the order waits for a
 * dispatcher, who sees {@code suggestions}: the ranked units, each with the categories and words behind it.
 * {@code lead}, {@code coUnits}, {@code categoryCode} and {@code rule} are the best unit's, recorded even when a
 * human decides, so that the record can show whether the human agreed.
 *
 * <p>This is the shape the manual queue, the advice endpoint and the console read:
 * <ul>
 * <li>{@code suggestions}: at most {@link DispatchAdvisor#TOP} units, most probable first; for an order that
 * went automatically only the first, without evidence (nobody reads it).
 * <li>{@code ranked}: the model's top categories (at most three) with their probabilities, as the model said.
 * </ul>
 *
 * @param ranked     the model's top categories (at most three) with their calibrated probabilities; empty when
 *                   there was no model or nothing to classify
 * @param confidence the probability that the lead unit should lead (the unit confidence), 0 when there is none
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

    /** The top category's probability (the model's own confidence in a category, not the decision's). */
    public double categoryConfidence() {
        return ranked.isEmpty() ? 0 : ranked.get(0).probability();
    }
}
