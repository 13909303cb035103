package org.hotline.notification;

/** What a message is for; one order gets at most one message of each kind per reply round. */
public enum NotificationKind {
    /** 验证码: a one-time code confirming a phone number (the web channel). */
    VERIFICATION_CODE("验证码"),
    /** 受理告知: the appeal was registered, with the order number. */
    REGISTERED("受理告知"),
    /** 答复告知: the order was replied; where to read the reply. */
    REPLIED("答复告知"),
    /** 满意度评价: after the reply, the citizen is asked to rate it. */
    SATISFACTION("满意度评价");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
