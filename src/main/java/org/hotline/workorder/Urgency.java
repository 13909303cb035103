package org.hotline.workorder;

/** Urgent orders run on short, round-the-clock limits (see the deadline module). */
public enum Urgency {
    NORMAL("一般"), URGENT("紧急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isUrgent() {
        return this == URGENT;
    }
}
