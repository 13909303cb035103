package org.hotline.workorder;

/** The unit's own account of the result; the citizen's view comes later, at callback. */
public enum ReplyOutcome {
    /** 已解决 */
    RESOLVED("已解决"),
    /** 部分解决 */
    PARTLY_RESOLVED("部分解决"),
    /** 未解决，已解释说明 (e.g. the demand has no legal basis) */
    EXPLAINED("已解释说明"),
    /** 未解决 */
    UNRESOLVED("未解决");

    private final String label;

    ReplyOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
