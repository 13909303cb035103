package org.hotline.workorder;

/**
 * Everything that can happen to an order, as recorded in its history. Each action is one guarded method on
 * {@link WorkOrder}; {@link OrderStatus#allows(OrderAction)} says in which statuses it may happen at all.
 */
public enum OrderAction {
    REGISTER("受理"),
    ANSWER_AT_INTAKE("直接答复"),
    /** 紧急转接: a registered appeal referred to 110, 119, 120 or 122 and closed; never dispatched. */
    REFER("紧急转接"),
    /** 告知其他途径: a registered appeal whose proper channel was explained, closed; never dispatched. */
    REDIRECT("告知其他途径"),
    /** 无效诉求: a registered call recorded as invalid and closed; never dispatched, not counted as an appeal. */
    RECORD_INVALID("登记无效诉求"),
    DISPATCH("派单"),
    ACKNOWLEDGE("签收"),
    REQUEST_RETURN("申请退回"),
    APPROVE_RETURN("同意退回并改派"),
    REJECT_RETURN("驳回退回"),
    ADD_CO_UNIT("增加协办单位"),
    CO_UNIT_ACKNOWLEDGE("协办签收"),
    CO_UNIT_SUBMIT("提交协办意见"),
    CO_UNIT_DECLINE("协办拒绝"),
    RECORD_NON_COOPERATION("记录不配合"),
    REQUEST_EXTENSION("申请延期"),
    APPROVE_EXTENSION("同意延期"),
    REJECT_EXTENSION("驳回延期"),
    SUPERVISE("督办"),
    MERGE("并单"),
    ATTACH("上传附件"),
    REPLY("答复"),
    /** A review level's decision on the reply, written by the quality loop; not a status change. */
    REVIEW("审核"),
    /** One attempt to call the citizen back, written by the quality loop; not a status change. */
    CALLBACK("回访"),
    REDO("重办"),
    /** Closed through the quality loop: the check of the latest reply allows it (see {@link CloseRule}). */
    CLOSE("办结"),
    /** Closed by the director outside the quality loop, with a reason; counted in the statistics. */
    OVERRIDE_CLOSE("主任决定办结");

    private final String label;

    OrderAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the action creates the order rather than acting on an existing one. */
    public boolean isCreation() {
        return this == REGISTER || this == ANSWER_AT_INTAKE;
    }
}
