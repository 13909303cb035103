package org.hotline.quality;

/** Whether the center calls the citizen back once the review is passed, decided when the reply arrives. */
public enum CallbackPlan {
    /** 回访: an agent calls the citizen. */
    CALL("回访"),
    /** The reply's category is called back only in part, and this order was not drawn: it closes after review. */
    NOT_SAMPLED("未抽中回访"),
    /** Nobody to call: an anonymous channel or no phone number. It closes after review with that reason. */
    NO_CONTACT("无可回访的联系方式");

    private final String label;

    CallbackPlan(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
