package org.hotline.workorder;

import java.util.function.Supplier;

/**
 * The outcome of asking a rule whether something may happen. A rejection is a normal answer with a stable
 * code and a reason the user can read (in Chinese, as the console shows it); it is not an error.
 */
public sealed interface Decision permits Decision.Allowed, Decision.Rejected {

    Allowed ALLOWED = new Allowed();

    static Decision allowed() {
        return ALLOWED;
    }

    static Rejected rejected(String code, String reason) {
        return new Rejected(code, reason, false);
    }

    /** A rejection because of who is asking, not because of the order's state. */
    static Rejected forbidden(String code, String reason) {
        return new Rejected(code, reason, true);
    }

    /** Asks each rule in turn and answers with the first rejection, or allowed when none objects. */
    @SafeVarargs
    static Decision firstRejection(Supplier<Decision>... rules) {
        for (Supplier<Decision> rule : rules) {
            Decision d = rule.get();
            if (d instanceof Rejected) {
                return d;
            }
        }
        return ALLOWED;
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    /** Runs the change only when allowed, so a rejected action changes nothing. */
    default Decision ifAllowed(Runnable change) {
        if (isAllowed()) {
            change.run();
        }
        return this;
    }

    record Allowed() implements Decision {
    }

    record Rejected(String code, String reason, boolean forbidden) implements Decision {
    }
}
