package org.hotline.workorder;

import java.time.Instant;

import org.hotline.organization.UnitId;

/**
 * 首接负责制, first-receiver responsibility: the unit that receives an order handles it. A return (退回) is the
 * one narrow exit, and this policy guards it:
 * <ol>
 *   <li>only the lead unit may ask (co-units never can; see {@link Permissions});</li>
 *   <li>only because the matter is outside its jurisdiction, naming the unit that should have it;</li>
 *   <li>only within the return window (2 working days of dispatch by default);</li>
 *   <li>only once per order: after the center decides, the order stays where the center put it, which ends
 *       the "return ping-pong" between units.</li>
 * </ol>
 */
final class FirstReceiverResponsibility {

    /** How many returns one order may see in its whole life. */
    static final int MAX_RETURNS_PER_ORDER = 1;

    private FirstReceiverResponsibility() {
    }

    /** @param windowDays the configured return window in working days, named in the reason */
    static Decision mayRequestReturn(WorkOrder order, ReturnReason reason, UnitId suggestedUnit, String explanation,
            Instant now, int windowDays) {
        if (reason != ReturnReason.OUTSIDE_JURISDICTION) {
            return Decision.rejected("return-reason-not-accepted", "只有「非本单位职责范围」可以申请退回");
        }
        if (suggestedUnit == null) {
            return Decision.rejected("return-needs-suggested-unit", "申请退回必须写明建议的承办单位");
        }
        if (suggestedUnit.equals(order.leadUnit())) {
            return Decision.rejected("return-suggests-itself", "建议承办单位不能是本单位");
        }
        if (explanation == null || explanation.isBlank()) {
            return Decision.rejected("return-needs-explanation", "申请退回必须说明理由");
        }
        return mayStillReturn(order, now, windowDays);
    }

    /** Rules 3 and 4, which the order's state alone decides: whether a return is still possible at all. */
    static Decision mayStillReturn(WorkOrder order, Instant now, int windowDays) {
        if (order.returnRequest().count() >= MAX_RETURNS_PER_ORDER) {
            return Decision.rejected("return-already-used", "每个工单只能申请退回一次，本工单已申请过退回，须由本单位办理");
        }
        // An order that came in handled elsewhere (a history import, rows written before the return window was kept)
        // has no window: it cannot be returned, and must not break the pages that ask.
        Instant window = order.clock().returnRequestDeadline();
        if (window == null || now.isAfter(window)) {
            return Decision.rejected("return-window-closed",
                    "已超过派单后 " + windowDays + " 个工作日的退回期限，须由本单位办理");
        }
        return Decision.allowed();
    }
}
