package org.hotline.workorder;

/**
 * 延期: a unit may ask for more time with a reason; the center decides. All extensions of one order add up
 * to at most {@code maxDays} working days (10 by default), so that "complex" never becomes "forever".
 */
final class ExtensionLimit {

    private ExtensionLimit() {
    }

    /** Whether the order could take any extension now: none pending, and working days left under the limit. */
    static Decision mayStillRequest(WorkOrder order, int maxDays) {
        if (order.extension().isPending()) {
            return Decision.rejected("extension-pending", "已有待审批的延期申请");
        }
        int left = order.extension().daysLeft(maxDays);
        if (left < 1) {
            return Decision.rejected("extension-limit-exceeded", "延期累计不得超过 " + maxDays + " 个工作日，本工单还可延期 0 个工作日");
        }
        return Decision.allowed();
    }

    static Decision mayRequest(WorkOrder order, int workingDays, String reason, int maxDays) {
        if (order.extension().isPending()) {
            return Decision.rejected("extension-pending", "已有待审批的延期申请");
        }
        if (workingDays < 1) {
            return Decision.rejected("extension-days-invalid", "延期天数至少为 1 个工作日");
        }
        if (reason == null || reason.isBlank()) {
            return Decision.rejected("extension-needs-reason", "申请延期必须说明理由");
        }
        int left = order.extension().daysLeft(maxDays);
        if (workingDays > left) {
            return Decision.rejected("extension-limit-exceeded", "延期累计不得超过 " + maxDays + " 个工作日，本工单还可延期 "
                    + Math.max(0, left) + " 个工作日");
        }
        return Decision.allowed();
    }
}
