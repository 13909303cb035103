package org.hotline.assessment;

/**
 * One thing the daily assessment counts for a unit. Each indicator is a count of records (an order
 * dispatched, an acknowledgement, a reply, a callback...), dated by the day it happened, so that every count
 * can be explained by the orders behind it and a period's counts are simply the sum of its days. The patrol
 * indicators count reports due and filed instead of orders; they too are a day's counts that a month sums.
 */
public enum Indicator {
    /** 派单接收: an order dispatched (or re-dispatched after an approved return) to the unit as lead unit. */
    RECEIVED("接收派单"),
    /** 按时签收: acknowledged by the acknowledge deadline. */
    ACKNOWLEDGED_ON_TIME("按时签收"),
    /** 超时签收: acknowledged after the acknowledge deadline. */
    ACKNOWLEDGED_LATE("超时签收"),
    /** 答复: a reply recorded by the unit, whatever became of it. */
    REPLIED("答复"),
    /**
     * 按期答复: a reply that stood (was not sent back for redo) and came by the handling deadline in force.
     * A reply sent back for redo did not handle the matter; the redo counts against the unit instead.
     */
    REPLIED_ON_TIME("按期答复"),
    /** 按时联系群众: a reply that stood, came on time and records that the citizen was contacted (响应). */
    RESPONDED("按时联系群众"),
    /** 申请退回: the unit asked the center to take the order back. */
    RETURN_REQUESTED("申请退回"),
    /** 退回获准: the center agreed and re-dispatched the order elsewhere. */
    RETURN_APPROVED("退回获准"),
    /** 重办: a reply of the unit was sent back to be handled again. */
    REDONE("重办"),
    /** 回访已解决: the reached citizen says the matter is resolved. */
    CALLBACK_RESOLVED("回访已解决"),
    /** 回访未解决: the reached citizen says it is not (or did not say it is). */
    CALLBACK_UNRESOLVED("回访未解决"),
    /** 满意 */
    SATISFIED("满意"),
    /** 基本满意: counts 0.9 of 满意 by default. */
    BASICALLY_SATISFIED("基本满意"),
    /** 不满意 */
    UNSATISFIED("不满意"),
    /** 协办按时提交: the unit, as co-unit, delivered its part by its deadline. */
    CO_PART_ON_TIME("协办按时提交"),
    /** 协办超时提交: delivered, but late. */
    CO_PART_LATE("协办超时提交"),
    /** 不配合: the unit, as co-unit, missed its deadline or refused its part. */
    NON_COOPERATION("不配合"),
    /** 抽访按时完成: a leader-sampled order the unit's leader called back and signed in time. */
    SAMPLE_COMPLETED("一把手抽访按时完成"),
    /** 抽访未完成: a leader-sampled order not called back by its due time. */
    SAMPLE_MISSED("一把手抽访未按时完成"),
    /** 超期: an order whose handling deadline passed without a reply by then (dated by the deadline). */
    OVERDUE("超期"),
    /** 超期未答复: of those, the ones still without a reply; they count as not responded. */
    OVERDUE_UNANSWERED("超期未答复"),
    /**
     * 低质量答复: a reply of the unit the automatic reply-quality score flagged as low quality (under 60, or a
     * part failed outright: boilerplate only, a leak), dated by the reply (README "Reply quality").
     */
    REPLY_LOW_QUALITY("低质量答复"),
    /**
     * 巡查应报: the patrol reports a territorial unit's enabled field reporters were due on the day (each reporter's
     * monthly quota pro rata), read from the patrol module ({@code PatrolService.coverageByDay}); not an order.
     */
    PATROL_DUE("巡查应报"),
    /**
     * 巡查实报: of those, the reports filed that count (each reporter up to their own quota so far in the month, so
     * that one busy reporter does not cover for an idle one). Coverage is this over {@link #PATROL_DUE}.
     */
    PATROL_FILED("巡查实报");

    private final String label;

    Indicator(String label) {
        this.label = label;
    }

    /** The console's name for it. */
    public String label() {
        return label;
    }
}
