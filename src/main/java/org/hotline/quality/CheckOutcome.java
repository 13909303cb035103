package org.hotline.quality;

/** How a reply check ended. */
public enum CheckOutcome {
    /** The citizen confirmed the result at the callback; the order closed. */
    CLOSED_CONFIRMED("回访已解决，办结"),
    /** Reviewed, not drawn for a callback; the order closed. */
    CLOSED_NOT_SAMPLED("审核通过，未抽中回访，办结"),
    /** Reviewed, nobody to call; the order closed. */
    CLOSED_NO_CONTACT("审核通过，无可回访联系方式，办结"),
    /** Every callback attempt failed; the order closed as unreachable (回访未接通). */
    CLOSED_UNREACHABLE("回访未接通，办结"),
    /** A reviewer rejected the reply; the order went back for redo. */
    REDONE_AFTER_REVIEW("审核驳回，重办"),
    /** The citizen was not satisfied or the problem not solved; the order went back for redo. */
    REDONE_AFTER_CALLBACK("回访不满意，重办"),
    /**
     * Failed again after two redos; a supervisor took it over. The order closes once a supervisor concludes it
     * (督办办结), or goes back for another redo.
     */
    ESCALATED("多次重办仍未解决，转督办"),
    /**
     * The director closed the order outside the loop, with a reason in the order's history (主任决定办结); this
     * check was not finished. Named as what it is, so that a bypassed review or callback is never mistaken for
     * one that was done.
     */
    CLOSED_BY_OVERRIDE("中心主任决定办结，审核回访未完成"),
    /** Someone redid the order directly, outside the loop; this check no longer applies. */
    SUPERSEDED("工单已在审核回访之外处理");

    private final String label;

    CheckOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the check ended by letting the order close (the work order's close rule asks). */
    public boolean closesOrder() {
        return this == CLOSED_CONFIRMED || this == CLOSED_NOT_SAMPLED || this == CLOSED_NO_CONTACT
                || this == CLOSED_UNREACHABLE;
    }
}
