package org.hotline.quality;

/**
 * A reply the citizen rejects at the callback (unsolved or unsatisfied) goes back to the unit for redo, but not
 * forever: once the order has been redone {@code redosBeforeEscalation} times (two by default), a further failure
 * escalates it to a supervisor, who decides with the unit what can still be done, instead of a third redo.
 * Review rejections are not counted here: they always send the reply back, because the unit has not yet given
 * an acceptable answer at all.
 */
public final class RedoEscalation {

    /** What a failed callback leads to. */
    public enum Consequence {
        REDO, ESCALATE
    }

    private final int redosBeforeEscalation;

    public RedoEscalation(int redosBeforeEscalation) {
        if (redosBeforeEscalation < 0) {
            throw new IllegalArgumentException("Redos before escalation must not be negative: " + redosBeforeEscalation);
        }
        this.redosBeforeEscalation = redosBeforeEscalation;
    }

    /** @param redoCount how many times the order had been redone when the failing reply was given */
    public Consequence afterFailedCallback(int redoCount) {
        return redoCount >= redosBeforeEscalation ? Consequence.ESCALATE : Consequence.REDO;
    }
}
