package org.hotline.workorder;

/**
 * 分流: what becomes of an appeal at first contact. Most appeals are the hotline's to dispatch; some are not:
 * an emergency goes at once to 110, 119, 120 or 122, a matter already in court, arbitration, administrative
 * reconsideration, petition or discipline-inspection procedure is explained with its proper channel, an invalid
 * call is recorded as such, and an inquiry the knowledge base answers is answered on the spot. Triage suggests
 * one of these; a person decides, and the order records what it became.
 */
public enum TriageOutcome {
    /** 紧急警情: referred at once to an emergency service; the operator transfers the call. */
    EMERGENCY("紧急情况，立即转接"),
    /** 其他法定途径: recorded and closed with the proper channel explained to the citizen. */
    OTHER_CHANNEL("告知其他法定途径"),
    /** 无效诉求: harassment, abuse, silent, test or prank calls, gibberish; recorded, never dispatched. */
    INVALID("无效诉求"),
    /** 直接答复: an inquiry answered and closed during the call (from the knowledge base where it has the answer). */
    KNOWLEDGE("直接答复"),
    /** 派单: the normal path, the order goes to a unit. */
    DISPATCH("派单办理");

    private final String label;

    TriageOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether an order with this outcome is closed at intake without ever reaching a unit. */
    public boolean settlesAtIntake() {
        return this != DISPATCH;
    }
}
