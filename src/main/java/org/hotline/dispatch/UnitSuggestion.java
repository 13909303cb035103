package org.hotline.dispatch;

import java.util.List;

import org.hotline.organization.UnitId;

/**
 * One ranked unit for a human dispatcher: the unit that would lead ({@code leadUnit}, null when no lead could be
 * found or a rule wants a person; {@code manualReason} then says why), with the co-units and rule its best
 * category's routing gave, and {@code probability}, the probability that this unit should lead: the sum over the
 * model's categories that route to it. {@code categories} are those categories, most probable first, and
 * {@code categoryCode} the first of them; {@code evidence} the whole words of the message behind the unit (the
 * directory's phrases for its duties first, then the words that drove the model to its categories).
 */
public record UnitSuggestion(UnitId leadUnit, List<UnitId> coUnits, String categoryCode, double probability,
        List<String> evidence, String rule, String manualReason, List<Suggestion> categories) {

    public UnitSuggestion {
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** A suggestion from one category alone. */
    public UnitSuggestion(UnitId leadUnit, List<UnitId> coUnits, String categoryCode, double probability,
            List<String> evidence, String rule, String manualReason) {
        this(leadUnit, coUnits, categoryCode, probability, evidence, rule, manualReason,
                categoryCode == null ? List.of() : List.of(new Suggestion(categoryCode, probability, List.of())));
    }

    /** The same suggestion with the words that drove it (when there are any). */
    public UnitSuggestion withEvidence(List<String> words) {
        return words == null || words.isEmpty() ? this
                : new UnitSuggestion(leadUnit, coUnits, categoryCode, probability, words, rule, manualReason,
                        categories);
    }
}
