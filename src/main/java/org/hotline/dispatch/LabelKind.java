package org.hotline.dispatch;

/**
 * What a model's labels name. A history exported from a classic hotline system knows each order's category
 * (like the shared competition data); one exported from a system like this one knows the unit that handled
 * it. Routing works from either.
 */
public enum LabelKind {
    /** Labels are category codes of the taxonomy; the routing table turns them into units. */
    CATEGORY,
    /** Labels are unit ids: the model names the lead unit directly. */
    UNIT
}
