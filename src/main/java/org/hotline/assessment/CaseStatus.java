package org.hotline.assessment;

/** Where an accountability case stands; it only ever moves forward. */
public enum CaseStatus {
    /** 待说明: opened; the unit's leader owes an explanation. */
    OPENED("待单位说明"),
    /** 已说明: the unit's leader explained; a supervisor or the director concludes. */
    EXPLANATION_SUBMITTED("待认定"),
    /** 已办结: concluded; nothing more happens to it. */
    CONCLUDED("已办结");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
