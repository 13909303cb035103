package org.hotline.hotissue;

/** Where the concentrated tackling (集中攻坚) of a hot issue stands. */
public enum TacklingStatus {
    /** 已提名: put forward for the tackling meeting, with why. */
    PROPOSED("已提名"),
    /** 已选定: chosen at the meeting as a problem of the month (每月一题). */
    CHOSEN("已选定"),
    /** 攻坚中: a lead unit (and co-units) own it and carry out measures with dates. */
    IN_PROGRESS("攻坚中"),
    /** 已报结果: the lead unit reported the result; the center checks it. */
    RESULT_REPORTED("已报结果"),
    /** 已销号: checked and closed; the volume of appeals after it is what tells whether it worked. */
    CLOSED("已销号");

    private final String label;

    TacklingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
