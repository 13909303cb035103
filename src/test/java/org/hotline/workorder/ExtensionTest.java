package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.*;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** 延期: more time is asked for with a reason, decided by the center, and capped at 10 working days in all. */
class ExtensionTest {

    private final Instant now = MONDAY_MORNING.plusSeconds(3600);

    @Test
    void anApprovedExtensionMovesTheDeadlineByWorkingDays() {
        WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
        Instant before = o.clock().handleDeadline();
        assertThat(o.requestExtension(3, "需协调排水公司", handlerOf(ENFORCEMENT), now, DEADLINES).isAllowed()).isTrue();
        assertThat(o.clock().handleDeadline()).as("nothing moves before the center decides").isEqualTo(before);

        assertThat(o.decideExtension(true, null, supervisor(), now, DEADLINES).isAllowed()).isTrue();
        assertThat(o.clock().handleDeadline()).isEqualTo(DEADLINES.extend(before, 3));
        assertThat(o.extension().daysUsed()).isEqualTo(3);
        assertThat(o.extension().pendingDays()).isZero();
    }

    @Test
    void aRejectedExtensionLeavesTheDeadline() {
        WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
        Instant before = o.clock().handleDeadline();
        o.requestExtension(3, "需协调排水公司", handlerOf(ENFORCEMENT), now, DEADLINES);
        assertThat(((Decision.Rejected) o.decideExtension(false, " ", supervisor(), now, DEADLINES)).code())
                .as("a rejection says why").isEqualTo("reason-required");
        assertThat(o.decideExtension(false, "现场已具备处置条件", supervisor(), now, DEADLINES).isAllowed()).isTrue();
        assertThat(o.clock().handleDeadline()).isEqualTo(before);
        assertThat(o.extension().daysUsed()).isZero();
    }

    @Test
    void extensionsAddUpToAtMostTenWorkingDays() {
        WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
        o.requestExtension(7, "工程量大", handlerOf(ENFORCEMENT), now, DEADLINES);
        o.decideExtension(true, null, supervisor(), now, DEADLINES);

        Decision tooMuch = o.requestExtension(4, "还需更多时间", handlerOf(ENFORCEMENT), now, DEADLINES);
        assertThat(((Decision.Rejected) tooMuch).code()).isEqualTo("extension-limit-exceeded");
        assertThat(((Decision.Rejected) tooMuch).reason()).contains("3");
        assertThat(o.requestExtension(3, "收尾", handlerOf(ENFORCEMENT), now, DEADLINES).isAllowed()).isTrue();
    }

    @Test
    void anExtensionNeedsAReasonAndOneRequestAtATime() {
        WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
        assertThat(((Decision.Rejected) o.requestExtension(2, "", handlerOf(ENFORCEMENT), now, DEADLINES)).code())
                .isEqualTo("extension-needs-reason");
        o.requestExtension(2, "等待检测报告", handlerOf(ENFORCEMENT), now, DEADLINES);
        assertThat(((Decision.Rejected) o.requestExtension(1, "再加一天", handlerOf(ENFORCEMENT), now, DEADLINES))
                .code()).isEqualTo("extension-pending");
    }

    @Test
    void onlyTheCenterDecidesExtensions() {
        WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
        o.requestExtension(2, "等待检测报告", handlerOf(ENFORCEMENT), now, DEADLINES);
        assertThat(((Decision.Rejected) o.decideExtension(true, null, leaderOf(ENFORCEMENT), now, DEADLINES))
                .forbidden()).isTrue();
    }
}
