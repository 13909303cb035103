package org.hotline.notification;

/** How a message reaches its recipient. */
public enum Medium {
    /** 短信: to a mainland mobile number. */
    SMS("短信"),
    /** 电子邮件. */
    EMAIL("电子邮件");

    private final String label;

    Medium(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
