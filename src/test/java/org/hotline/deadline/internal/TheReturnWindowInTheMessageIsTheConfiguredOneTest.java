package org.hotline.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.ENFORCEMENT;
import static org.hotline.workorder.WorkOrderFixture.HOUSING;
import static org.hotline.workorder.WorkOrderFixture.at;
import static org.hotline.workorder.WorkOrderFixture.dispatcher;
import static org.hotline.workorder.WorkOrderFixture.handlerOf;
import static org.hotline.workorder.WorkOrderFixture.registered;
import static org.hotline.workorder.WorkOrderFixture.require;

import java.time.Instant;
import java.util.List;

import org.hotline.deadline.Deadlines;
import org.hotline.workorder.Decision;
import org.hotline.workorder.ReturnReason;
import org.hotline.workorder.WorkOrder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * One source for each limit: the return window a refused return names, and the most working days an extension
 * may ask for, are what {@code hotline.deadline.*} configures, so changing the configuration changes both the
 * limit and the words that state it.
 */
class TheReturnWindowInTheMessageIsTheConfiguredOneTest {

    /** Monday 30 November 2026, 09:00. */
    private static final Instant DISPATCHED = at("2026-11-30T09:00");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(DeadlineConfiguration.class);

    @Test
    void theRefusedReturnNamesTheConfiguredWindow() {
        context.withPropertyValues("hotline.deadline.return-request-days=3").run(ctx -> {
            Deadlines deadlines = ctx.getBean(Deadlines.class);
            // three working days: until Thursday 3 December, 09:00
            assertThat(requestReturn(deadlines, at("2026-12-03T08:59")).isAllowed()).isTrue();
            Decision late = requestReturn(deadlines, at("2026-12-03T09:01"));
            assertThat(late).isEqualTo(Decision.rejected("return-window-closed",
                    "已超过派单后 3 个工作日的退回期限，须由本单位办理"));
        });
        context.run(ctx -> assertThat(requestReturn(ctx.getBean(Deadlines.class), at("2026-12-02T09:01")))
                .isEqualTo(Decision.rejected("return-window-closed", "已超过派单后 2 个工作日的退回期限，须由本单位办理")));
    }

    @Test
    void theExtensionMaximumIsTheConfiguredOne() {
        context.withPropertyValues("hotline.deadline.max-extension-days=4").run(ctx -> {
            Deadlines deadlines = ctx.getBean(Deadlines.class);
            assertThat(requestExtension(deadlines, 5)).isEqualTo(Decision.rejected("extension-limit-exceeded",
                    "延期累计不得超过 4 个工作日，本工单还可延期 4 个工作日"));
            assertThat(requestExtension(deadlines, 4).isAllowed()).isTrue();
        });
        context.withPropertyValues("hotline.deadline.max-extension-days=15").run(ctx ->
                assertThat(requestExtension(ctx.getBean(Deadlines.class), 12).isAllowed())
                        .as("more than the 10 days an annotation once hard-coded").isTrue());
    }

    private static Decision requestReturn(Deadlines deadlines, Instant at) {
        WorkOrder o = registered(DISPATCHED);
        require(o.dispatch(ENFORCEMENT, List.of(), null, null, dispatcher(), DISPATCHED, deadlines));
        return o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, HOUSING, "属于住建部门职责", handlerOf(ENFORCEMENT), at,
                deadlines);
    }

    private static Decision requestExtension(Deadlines deadlines, int days) {
        WorkOrder o = registered(DISPATCHED);
        require(o.dispatch(ENFORCEMENT, List.of(), null, null, dispatcher(), DISPATCHED, deadlines));
        require(o.acknowledge(handlerOf(ENFORCEMENT), DISPATCHED.plusSeconds(600)));
        return o.requestExtension(days, "需协调施工单位", handlerOf(ENFORCEMENT), DISPATCHED.plusSeconds(3600), deadlines);
    }
}
