package org.hotline.notification;

/** Where a message stands in the outbox. */
public enum NotificationStatus {
    /** 待发送: waiting for its first send or for its next try after a failure. */
    PENDING("待发送"),
    /** 已发送: the notifier accepted it. */
    SENT("已发送"),
    /** 发送失败: every try failed; nobody will try again. */
    FAILED("发送失败");

    private final String label;

    NotificationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
