package org.hotline.assessment;

/** Why an accountability case was opened. */
public enum CaseKind {
    /** 连续两月末位: bottom three of its group two months running (see {@link BottomThreeTwoMonths}). */
    BOTTOM_THREE("连续两月排名末位"),
    /** 协办不配合: non-cooperation above the monthly threshold (see {@link NonCooperationThreshold}). */
    NON_COOPERATION("协办不配合");

    private final String label;

    CaseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
