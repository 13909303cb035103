package org.hotline.workorder;

/**
 * What the operator decided at intake besides registering the appeal: nothing (triage's suggestion stands, and
 * an appeal it says is not for dispatch is held for a person), the normal path to a unit, an answer at intake
 * (from the knowledge base when {@code knowledgeEntry} is given), or a {@link Settlement}.
 */
public record IntakeDecision(TriageOutcome outcome, String answer, String knowledgeEntry, Settlement settlement) {

    public IntakeDecision {
        if (settlement != null && outcome != settlement.outcome()) {
            throw new IllegalArgumentException("a settlement's outcome is " + settlement.outcome());
        }
    }

    private static final IntakeDecision NONE = new IntakeDecision(null, null, null, null);

    /** Nobody decided: triage's suggestion stands. */
    public static IntakeDecision none() {
        return NONE;
    }

    /** The operator sends the appeal the normal path, whatever triage suggested. */
    public static IntakeDecision dispatch() {
        return new IntakeDecision(TriageOutcome.DISPATCH, null, null, null);
    }

    /** 直接答复, from the knowledge base's {@code knowledgeEntry} when given. */
    public static IntakeDecision answer(String answer, String knowledgeEntry) {
        return new IntakeDecision(TriageOutcome.KNOWLEDGE, answer, knowledgeEntry, null);
    }

    /** 分流办结: referred, redirected or recorded invalid. */
    public static IntakeDecision settle(Settlement settlement) {
        return new IntakeDecision(settlement.outcome(), null, null, settlement);
    }

    /** The existing API's form: an answer means an answer at intake, none means nobody decided. */
    public static IntakeDecision of(String intakeAnswer) {
        return intakeAnswer == null ? none() : answer(intakeAnswer, null);
    }

    public boolean decided() {
        return outcome != null;
    }
}
