package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * 重复来电并单: an operator who takes a call about a matter an open order already tracks attaches the call to that
 * order at intake. The call is registered and merged in one step, never waits for a dispatcher, and follows the
 * master; a master that no longer accepts merges (replied, closed, merged itself) refuses it with its reason.
 */
class ARepeatCallIsAttachedToAnOpenOrderAtIntakeTest {

    private final List<WorkOrder> created = new ArrayList<>();

    @Test
    void theCallIsRegisteredAndMergedIntoTheOpenOrderInOneStep() {
        WorkOrder master = inProgress(ENFORCEMENT, MONDAY_MORNING);
        long masterHistory = master.historySize();

        Decision d = WorkOrder.registerAsRepeat(nextNumber(), appeal(AppealType.COMPLAINT, "东关街后巷还在积水"), master,
                null, operator(), MONDAY_MORNING.plusSeconds(3600), created::add);

        assertThat(d.isAllowed()).isTrue();
        WorkOrder call = created.get(0);
        assertThat(call.status()).isEqualTo(OrderStatus.MERGED);
        assertThat(call.merge().master()).isEqualTo(master.number());
        assertThat(call.registeredBy()).isEqualTo("operator1");
        assertThat(call.newHistory()).extracting(HistoryEntry::action)
                .containsExactly(OrderAction.REGISTER, OrderAction.MERGE);
        assertThat(call.newHistory().get(1).reason()).isEqualTo("受理时并入：重复来电");
        assertThat(call.events()).hasAtLeastOneElementOfType(WorkOrderEvent.Registered.class)
                .hasAtLeastOneElementOfType(WorkOrderEvent.Merged.class);
        assertThat(master.merge().mergedCount()).isEqualTo(1);
        assertThat(master.historySize()).isEqualTo(masterHistory + 1);
        assertThat(master.status()).as("the master goes on as it was").isEqualTo(OrderStatus.IN_PROGRESS);
    }

    @Test
    void aRepliedClosedOrMergedOrderTakesNoRepeatCall() {
        for (OrderStatus status : List.of(OrderStatus.REPLIED, OrderStatus.CLOSED, OrderStatus.MERGED)) {
            WorkOrder master = inStatus(status, MONDAY_MORNING);
            Decision d = WorkOrder.registerAsRepeat(nextNumber(), appeal(AppealType.COMPLAINT, "还在积水"), master, null,
                    operator(), MONDAY_MORNING.plusSeconds(86400 * 4), created::add);
            assertThat(d).as(status.name()).isInstanceOfSatisfying(Decision.Rejected.class, r -> {
                assertThat(r.code()).isEqualTo("master-not-open");
                assertThat(r.reason()).contains(status.label());
            });
        }
        assertThat(created).isEmpty();
    }

    @Test
    void onlyThoseWhoRegisterCallsAttachThem() {
        WorkOrder master = inProgress(ENFORCEMENT, MONDAY_MORNING);
        Decision d = WorkOrder.registerAsRepeat(nextNumber(), appeal(AppealType.COMPLAINT, "还在积水"), master, null,
                handlerOf(ENFORCEMENT), MONDAY_MORNING, created::add);
        assertThat(((Decision.Rejected) d).forbidden()).isTrue();
        assertThat(created).isEmpty();
        assertThat(master.merge().mergedCount()).isZero();
    }
}
