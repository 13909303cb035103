package org.hotline.workorder;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;

/**
 * 办结规则, who may close a replied order and when. The district's rules put every reply through the quality loop
 * (质量闭环): up to three levels of review (审核), then the callback to the citizen (回访). So a replied order
 * closes in one of two ways only:
 * <ol>
 *   <li><b>through the loop</b>, once the check of its latest reply allows it: review passed and the citizen
 *       confirmed the result at the callback; or review passed and the order was not drawn for a callback, or
 *       there is nobody to call, or the citizen was not reached after the last attempt; or the order failed its
 *       callback after two redos and a supervisor concluded it (督办办结). The loop's word is a
 *       {@link QualityClearance}, read from the loop's stored records through {@link QualityGate}, never a name
 *       or a flag a caller sends;</li>
 *   <li><b>by the director's override</b> (主任决定办结), for the exceptions the loop does not foresee (the
 *       citizen withdrew the appeal, a court took the matter over): only the center's director, only with a
 *       reason, recorded in the history as an override and counted in the statistics, so that overrides stay
 *       the exception they are meant to be.</li>
 * </ol>
 * Everyone else's close of a replied order (a dispatcher, reviewer or supervisor closing it directly, with or
 * without a note) is refused, and so is a close of an order that has no reply to check. Orders close without a
 * reply only at intake (直接答复, inquiries answered during the call) and when they follow their master (并单).
 */
final class CloseRule {

    /** The one role that may close a replied order outside the quality loop. */
    static final Role OVERRIDING_ROLE = Role.DIRECTOR;

    private CloseRule() {
    }

    /** 办结: the quality loop cleared the order's latest reply. */
    static Decision mayCloseThroughTheLoop(WorkOrder order, QualityClearance clearance) {
        if (clearance == null) {
            return Decision.rejected("quality-check-not-passed", "答复尚未通过审核回访，不能办结");
        }
        if (order.replies().isEmpty()
                || clearance.replySeq() != order.replies().get(order.replies().size() - 1).seq()) {
            return Decision.rejected("quality-check-not-passed", "审核回访的结论不是针对本工单最新一次答复的，不能办结");
        }
        return Decision.allowed();
    }

    /** 主任决定办结: the director closes a replied order outside the loop, saying why. */
    static Decision mayOverride(Actor actor, String reason) {
        Decision who = mayOverride(actor);
        if (!who.isAllowed()) {
            return who;
        }
        if (reason == null || reason.isBlank()) {
            return Decision.rejected("override-reason-required", "中心主任决定办结必须说明理由");
        }
        return Decision.allowed();
    }

    /** Who may override at all, whatever reason they give: what a screen asks before it offers the override. */
    static Decision mayOverride(Actor actor) {
        return actor.role() == OVERRIDING_ROLE ? Decision.allowed()
                : Decision.rejected("close-requires-quality-loop",
                        "已答复的工单须经审核、回访后办结；只有中心主任可以说明理由后决定办结");
    }
}
