package org.hotline.triage;

import java.util.List;

import org.hotline.workorder.EmergencyService;
import org.hotline.workorder.InvalidReason;
import org.hotline.workorder.ProperRoute;
import org.hotline.workorder.TriageOutcome;

/**
 * A triage decision for one appeal: the outcome, with its service (EMERGENCY), route (OTHER_CHANNEL) or reason
 * (INVALID); the confidence in it; whether the operator should look closer ({@code flagged}, with a
 * {@code note} saying why: an ambiguous appeal leans to dispatch and is flagged, never dropped); what the
 * operator is told to do ({@code instruction}), what the citizen is told ({@code explanation}; the answer for a
 * knowledge answer), the warning a citizen who entered an emergency alone sees ({@code warning}); the evidence;
 * the knowledge entries that may answer an inquiry; and the version of the rules that decided.
 */
public record Triage(TriageOutcome outcome, EmergencyService service, ProperRoute route, InvalidReason invalidReason,
        double confidence, boolean flagged, String note, String instruction, String explanation, String warning,
        List<Evidence> evidence, List<KnowledgeCandidate> knowledge, String rulesVersion) {

    public Triage {
        evidence = List.copyOf(evidence);
        knowledge = knowledge == null ? List.of() : List.copyOf(knowledge);
    }

    /** The target as recorded: the service, route or reason name, or the knowledge entry answered from. */
    public String target() {
        return switch (outcome) {
            case EMERGENCY -> service.name();
            case OTHER_CHANNEL -> route.name();
            case INVALID -> invalidReason.name();
            case KNOWLEDGE -> knowledge.isEmpty() ? null : knowledge.get(0).entry();
            case DISPATCH -> null;
        };
    }

    /** The rules behind the outcome (those that decided it), by name. */
    public List<String> decidingRules() {
        return evidence.stream().filter(e -> e.effect() == Evidence.Effect.DECIDED).map(Evidence::rule).toList();
    }
}
