package org.hotline.assessment;

/**
 * The answer of an accountability case to a requested step: allowed, or rejected with a stable code and a
 * reason the user can read. A rejection is a normal outcome, not an error; {@code forbidden} marks one
 * that is about who asks rather than where the case stands.
 */
public sealed interface CaseDecision permits CaseDecision.Allowed, CaseDecision.Rejected {

    static CaseDecision allowed() {
        return new Allowed();
    }

    static CaseDecision rejected(String code, String reason) {
        return new Rejected(code, reason, false);
    }

    static CaseDecision forbidden(String code, String reason) {
        return new Rejected(code, reason, true);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    record Allowed() implements CaseDecision {
    }

    record Rejected(String code, String reason, boolean forbidden) implements CaseDecision {
    }
}
