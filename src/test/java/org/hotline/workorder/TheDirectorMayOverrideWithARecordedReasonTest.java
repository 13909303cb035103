package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.*;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Rule 9, 主任决定办结: the center's director may close a replied order outside the quality loop, for the
 * exceptions the loop does not foresee, but only with a reason, and the history records it as an override (an
 * action of its own, which the statistics count), never as an ordinary close.
 */
class TheDirectorMayOverrideWithARecordedReasonTest {

    private static final Instant LATER = MONDAY_MORNING.plusSeconds(3 * 86400);

    @Test
    void theDirectorMustSayWhy() {
        for (String reason : new String[] { null, "", "   " }) {
            WorkOrder o = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);
            WorkOrder.Snapshot before = o.snapshot();

            Decision d = o.overrideClose(reason, director(), LATER);

            assertThat(d).isEqualTo(Decision.rejected("override-reason-required", "中心主任决定办结必须说明理由"));
            assertThat(o.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void theOverrideIsRecordedAsAnOverrideWithTheDirectorAndTheReason() {
        WorkOrder o = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);

        Decision d = o.overrideClose("  市民来电撤回诉求  ", director(), LATER);

        assertThat(d.isAllowed()).isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(o.closedAt()).isEqualTo(LATER);
        HistoryEntry last = o.newHistory().get(o.newHistory().size() - 1);
        assertThat(last.action()).isEqualTo(OrderAction.OVERRIDE_CLOSE);
        assertThat(last.actor()).isEqualTo("director1");
        assertThat(last.actorRole()).isEqualTo("DIRECTOR");
        assertThat(last.fromStatus()).isEqualTo(OrderStatus.REPLIED);
        assertThat(last.toStatus()).isEqualTo(OrderStatus.CLOSED);
        assertThat(last.reason()).isEqualTo("市民来电撤回诉求");
        assertThat(o.events()).filteredOn(e -> e instanceof WorkOrderEvent.Closed).singleElement()
                .satisfies(e -> assertThat(((WorkOrderEvent.Closed) e).overridden()).isTrue());
    }

    @Test
    void theDirectorNeedsNoClearanceButTheLoopNeedsNoDirector() {
        WorkOrder overridden = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);
        WorkOrder cleared = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);

        assertThat(overridden.overrideClose("法院已受理同一纠纷", director(), LATER).isAllowed()).isTrue();
        assertThat(cleared.close(passedTheLoop(cleared), null, reviewer(), LATER).isAllowed()).isTrue();

        assertThat(overridden.newHistory()).extracting(HistoryEntry::action).contains(OrderAction.OVERRIDE_CLOSE)
                .doesNotContain(OrderAction.CLOSE);
        assertThat(cleared.newHistory()).extracting(HistoryEntry::action).contains(OrderAction.CLOSE)
                .doesNotContain(OrderAction.OVERRIDE_CLOSE);
    }
}
