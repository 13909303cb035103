package org.hotline.workorder;

import java.time.Instant;
import java.util.stream.Collectors;

import org.hotline.organization.UnitId;

/**
 * 联办, joint handling: the lead unit replies for all, so it replies once every co-unit has delivered its part
 * or has been written off as non-cooperating (missed its own deadline, or declined). Until a co-unit's
 * deadline passes the lead waits for it: that is what makes co-handling units contribute.
 */
final class JointHandling {

    private JointHandling() {
    }

    static Decision mayAddCoUnit(WorkOrder order, UnitId unit) {
        if (unit.equals(order.leadUnit())) {
            return Decision.rejected("co-unit-is-lead", "主办单位不能同时作为协办单位");
        }
        if (order.coUnit(unit).isPresent()) {
            return Decision.rejected("co-unit-duplicate", "该单位已是本工单的协办单位");
        }
        return Decision.allowed();
    }

    static Decision mayReply(WorkOrder order, Instant now) {
        String waiting = order.coUnits().stream()
                .filter(c -> c.isPending() && !c.missedDeadline(now))
                .map(c -> c.unit().value())
                .collect(Collectors.joining("、"));
        if (!waiting.isEmpty()) {
            return Decision.rejected("co-units-pending", "协办单位尚未提交协办意见且未超期：" + waiting);
        }
        return Decision.allowed();
    }
}
