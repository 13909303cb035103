package org.hotline.statistics;

/** The two overdue lists (超期清单). */
public enum OverdueKind {
    /**
     * 超期未办结: still with the unit (dispatched or in progress) and past the handle deadline now. An order whose
     * return the center is reviewing is not in it: its clock is paused, as {@code WorkOrder.isOverdue} says.
     */
    OPEN("超期未办结"),
    /**
     * 超期办结: closed, but the unit's last reply came after its handle deadline (the redo deadline after a redo).
     * The reply, not the closing, is what the unit owed by the deadline: the callback and closing that follow
     * are the center's part.
     */
    CLOSED_LATE("超期办结");

    private final String label;

    OverdueKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
