package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.*;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * 办理记录: while an order is being handled, its lead unit and its co-units write down what they did (a visit, a
 * call, what they found) as lines of the history. A note changes nothing else, needs text, and is read like a
 * reply's internal note: by the center and the unit that wrote it, not by the other units on the order (and never
 * by the citizen, who sees no history at all).
 */
class AUnitsHandlingNoteIsForTheCenterAndThatUnitTest {

    private static final Instant LATER = MONDAY_MORNING.plusSeconds(3600);

    @Test
    void theLeadUnitAndACoUnitEachWriteANoteAsALineOfTheHistory() {
        WorkOrder order = stored(inProgress(ENFORCEMENT, MONDAY_MORNING));
        WorkOrder.Snapshot before = order.snapshot();

        assertThat(order.addNote("  已到现场查看，排水口被落叶堵塞  ", handlerOf(ENFORCEMENT), LATER))
                .isEqualTo(Decision.allowed());
        assertThat(order.addNote("社区网格员已入户了解情况", handlerOf(GULOU), LATER.plusSeconds(60)))
                .isEqualTo(Decision.allowed());

        assertThat(order.newHistory()).extracting(HistoryEntry::action).containsExactly(OrderAction.NOTE,
                OrderAction.NOTE);
        HistoryEntry lead = order.newHistory().get(0);
        assertThat(lead.detail()).isEqualTo("已到现场查看，排水口被落叶堵塞");
        assertThat(lead.unit()).as("the unit that wrote it").isEqualTo(ENFORCEMENT);
        assertThat(lead.fromStatus()).isEqualTo(OrderStatus.IN_PROGRESS).isEqualTo(lead.toStatus());
        assertThat(order.newHistory().get(1).unit()).isEqualTo(GULOU);
        assertThat(order.status()).isEqualTo(before.status());
        assertThat(order.clock().handleDeadline()).isEqualTo(before.clock().handleDeadline());
        assertThat(order.events()).as("a note is no signal to other modules").isEmpty();
    }

    @Test
    void aNoteNeedsText() {
        WorkOrder order = stored(inProgress(ENFORCEMENT, MONDAY_MORNING));

        Decision blank = order.addNote("  ", handlerOf(ENFORCEMENT), LATER);

        assertThat(blank).isInstanceOf(Decision.Rejected.class);
        assertThat(((Decision.Rejected) blank).code()).isEqualTo("note-required");
        assertThat(order.newHistory()).isEmpty();
    }

    @Test
    void onlyTheUnitsHandlingTheOrderWriteNotes() {
        WorkOrder order = inProgress(ENFORCEMENT, MONDAY_MORNING);

        for (var other : java.util.List.of(handlerOf(MARKET), supervisor(), dispatcher(), director(), operator())) {
            Decision refused = order.addNote("已到现场查看", other, LATER);
            assertThat(refused).as(other.username()).isInstanceOf(Decision.Rejected.class);
            assertThat(((Decision.Rejected) refused).forbidden()).isTrue();
        }
        assertThat(order.addNote("已到现场查看", leaderOf(ENFORCEMENT), LATER)).isEqualTo(Decision.allowed());
    }

    @Test
    void aUnitsNoteIsReadByTheCenterAndThatUnitOnly() {
        WorkOrder order = stored(inProgress(ENFORCEMENT, MONDAY_MORNING));
        order.addNote("来电人系隔壁商户老板，注意沟通方式", handlerOf(ENFORCEMENT), LATER);
        HistoryEntry note = order.newHistory().get(0);

        assertThat(note.isVisibleTo(handlerOf(ENFORCEMENT))).isTrue();
        assertThat(note.isVisibleTo(leaderOf(ENFORCEMENT))).isTrue();
        assertThat(note.isVisibleTo(supervisor())).isTrue();
        assertThat(note.isVisibleTo(reviewer())).isTrue();
        assertThat(note.isVisibleTo(handlerOf(GULOU))).as("the co-unit on the same order").isFalse();
        HistoryEntry dispatch = new HistoryEntry(2, MONDAY_MORNING, "dispatcher1", null, "DISPATCHER", null,
                OrderAction.DISPATCH, OrderStatus.REGISTERED, OrderStatus.DISPATCHED, null, null, ENFORCEMENT, null,
                null);
        assertThat(dispatch.isVisibleTo(handlerOf(GULOU))).as("every other line is for all who see the order")
                .isTrue();
    }

    /** The order as loaded from storage: newHistory() and events() hold only what follows. */
    private static WorkOrder stored(WorkOrder order) {
        return WorkOrder.restore(order.snapshot());
    }
}
