package org.hotline.dispatch;

import java.util.List;

import org.hotline.organization.UnitId;

/**
 * One ranked answer for a human dispatcher: one of the model's top labels carried through the routing
 * rules. {@code leadUnit} is null when no lead could be found or a rule wants a human; {@code manualReason}
 * then says why. {@code evidence} are the words of the message that drove the model to this label.
 */
public record UnitSuggestion(UnitId leadUnit, List<UnitId> coUnits, String categoryCode, double probability,
        List<String> evidence, String rule, String manualReason) {

    public UnitSuggestion {
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The same suggestion with the words that drove it (when there are any). */
    public UnitSuggestion withEvidence(List<String> words) {
        return words == null || words.isEmpty() ? this
                : new UnitSuggestion(leadUnit, coUnits, categoryCode, probability, words, rule, manualReason);
    }
}
