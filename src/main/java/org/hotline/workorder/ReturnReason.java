package org.hotline.workorder;

/**
 * Why a unit asks to return an order. Under first-receiver responsibility there is exactly one acceptable
 * reason: the matter is clearly outside the unit's jurisdiction. Workload, difficulty or "another unit
 * should help" are not reasons to return; they are reasons to ask for co-units or an extension.
 */
public enum ReturnReason {
    /** 非本单位职责 */
    OUTSIDE_JURISDICTION("非本单位职责范围");

    private final String label;

    ReturnReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
