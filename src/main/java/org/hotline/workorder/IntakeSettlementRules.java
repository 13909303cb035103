package org.hotline.workorder;

import org.hotline.organization.Actor;

/**
 * The rules of settling an appeal at intake (分流办结): each settlement says what it was settled with, only a
 * person decides it, and an order that others were merged into is never closed this way (they follow it).
 */
final class IntakeSettlementRules {

    private IntakeSettlementRules() {
    }

    /** A referral names the emergency service the call was transferred to. */
    static Decision aReferralNamesItsService(Settlement s) {
        return s instanceof Settlement.Referral r && r.service() == null
                ? Decision.rejected("referral-service-required", "紧急转接必须写明转接的服务（110、119、120 或 122）")
                : Decision.allowed();
    }

    /** A redirection names the proper channel and records what the citizen was told. */
    static Decision aRedirectionExplainsTheProperChannel(Settlement s) {
        return s instanceof Settlement.Redirection r && (r.route() == null || blank(r.explanation()))
                ? Decision.rejected("redirection-explanation-required", "告知其他途径必须写明途径和向市民所作的说明")
                : Decision.allowed();
    }

    /** An invalid call names why it is invalid. */
    static Decision anInvalidCallNamesItsReason(Settlement s) {
        return s instanceof Settlement.Invalid i && i.reason() == null
                ? Decision.rejected("invalid-reason-required", "登记无效诉求必须写明原因")
                : Decision.allowed();
    }

    /** Triage suggests; a person decides. The AI dispatcher and the platform's jobs never settle an appeal. */
    static Decision onlyAPersonSettlesAnAppeal(Actor actor) {
        return Actor.PLATFORM_USERNAMES.contains(actor.username())
                ? Decision.forbidden("settlement-needs-a-person", "分流办结须由工作人员决定，系统不能代为决定")
                : Decision.allowed();
    }

    /** Orders merged into this one follow its outcome; it cannot be closed without a unit while they wait. */
    static Decision anOrderOthersFollowIsNotSettled(WorkOrder order) {
        return order.merge().mergedCount() > 0
                ? Decision.rejected("has-merged-orders", "已有其他工单并入本工单，不能按分流办结")
                : Decision.allowed();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
