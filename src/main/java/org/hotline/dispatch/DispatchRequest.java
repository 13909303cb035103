package org.hotline.dispatch;

import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;

/**
 * What the dispatch decision reads from an order: its text, the address the citizen gave, the urgency and
 * the category the operator chose at intake, if any. Any of them may be missing.
 */
public record DispatchRequest(String content, String address, Urgency urgency, String categoryCode) {

    /** What a new order's appeal gives the decision, before the order is stored. */
    public static DispatchRequest of(WorkOrder.Appeal appeal) {
        return new DispatchRequest(appeal.content(), appeal.location() == null ? null : appeal.location().address(),
                appeal.urgency(), appeal.categoryCode());
    }

    public static DispatchRequest of(WorkOrder order) {
        return new DispatchRequest(order.content(), order.location() == null ? null : order.location().address(),
                order.urgency(), order.categoryCode());
    }
}
