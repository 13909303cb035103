package org.hotline.workorder;

/**
 * 并单: the order among repeat appeals about one matter. An order merged into another names that {@code master}
 * (null otherwise) and follows its outcome; a master counts the orders merged into it, and is never merged itself.
 */
public record Merge(OrderNumber master, int mergedCount) {

    /** Neither merged nor a master. */
    public static final Merge NONE = new Merge(null, 0);

    public boolean isMaster() {
        return mergedCount > 0;
    }

    Merge into(OrderNumber masterOrder) {
        return new Merge(masterOrder, mergedCount);
    }

    Merge oneMoreMerged() {
        return new Merge(master, mergedCount + 1);
    }
}
