package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.*;

import java.time.Instant;
import java.util.List;

import org.hotline.organization.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule 9, 办结: a replied order closes through the quality loop, once the loop has cleared its latest reply, and
 * otherwise only by the director's override ({@link TheDirectorMayOverrideWithARecordedReasonTest}). Anyone
 * else's close is refused with the reason, and a refused close changes nothing.
 */
class AReplyClosesOnlyThroughTheQualityLoopTest {

    private static final Instant LATER = MONDAY_MORNING.plusSeconds(3 * 86400);

    static List<Actor> everyoneButTheDirector() {
        return List.of(dispatcher(), reviewer(), supervisor(), operator(), admin(), handlerOf(ENFORCEMENT),
                leaderOf(ENFORCEMENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyoneButTheDirector")
    void noOneButTheDirectorClosesARepliedOrderOutsideTheLoopWithOrWithoutAReason(Actor actor) {
        for (String reason : new String[] { null, "", "回访群众满意" }) {
            WorkOrder o = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);
            WorkOrder.Snapshot before = o.snapshot();
            int history = o.newHistory().size();

            Decision d = o.overrideClose(reason, actor, LATER);

            assertThat(d).isEqualTo(Decision.rejected("close-requires-quality-loop",
                    "已答复的工单须经审核、回访后办结；只有中心主任可以说明理由后决定办结"));
            assertThat(o.snapshot()).as("a refused close changes nothing").isEqualTo(before);
            assertThat(o.newHistory()).hasSize(history);
            assertThat(o.events()).noneMatch(e -> e instanceof WorkOrderEvent.Closed);
        }
    }

    @Test
    void withoutTheLoopsClearanceTheOrderDoesNotClose() {
        WorkOrder o = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);
        WorkOrder.Snapshot before = o.snapshot();

        Decision d = o.close(null, "回访满意", supervisor(), LATER);

        assertThat(((Decision.Rejected) d).code()).isEqualTo("quality-check-not-passed");
        assertThat(((Decision.Rejected) d).reason()).isEqualTo("答复尚未通过审核回访，不能办结");
        assertThat(o.snapshot()).isEqualTo(before);
    }

    @Test
    void aClearanceOfAnEarlierReplyDoesNotCloseTheOrderAfterItsRedo() {
        WorkOrder o = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);
        QualityClearance firstReply = passedTheLoop(o);
        require(o.redo("回访不满意", supervisor(), MONDAY_MORNING.plusSeconds(86400), DEADLINES));
        require(o.acknowledge(handlerOf(ENFORCEMENT), MONDAY_MORNING.plusSeconds(86400 + 600)));
        require(o.reply(reply(), handlerOf(ENFORCEMENT), MONDAY_MORNING.plusSeconds(86400 + 3600)));
        WorkOrder.Snapshot before = o.snapshot();

        Decision d = o.close(firstReply, null, supervisor(), LATER);

        assertThat(((Decision.Rejected) d).code()).isEqualTo("quality-check-not-passed");
        assertThat(o.snapshot()).isEqualTo(before);
        assertThat(o.close(passedTheLoop(o), null, supervisor(), LATER).isAllowed()).isTrue();
    }

    @Test
    void theLoopsClearanceClosesTheOrderWithItsBasisInTheHistory() {
        WorkOrder o = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);

        Decision d = o.close(passedTheLoop(o), "回访：已解决，满意", supervisor(), LATER);

        assertThat(d.isAllowed()).isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(o.closedAt()).isEqualTo(LATER);
        HistoryEntry last = o.newHistory().get(o.newHistory().size() - 1);
        assertThat(last.action()).isEqualTo(OrderAction.CLOSE);
        assertThat(last.actor()).isEqualTo("supervisor1");
        assertThat(last.reason()).isEqualTo("回访：已解决，满意");
        assertThat(last.detail()).isEqualTo("审核回访：回访已解决，办结");
        assertThat(o.events()).filteredOn(e -> e instanceof WorkOrderEvent.Closed).singleElement()
                .satisfies(e -> assertThat(((WorkOrderEvent.Closed) e).overridden()).isFalse());
    }

    @Test
    void anOrderWithoutAReplyHasNothingToCloseOn() {
        for (OrderStatus status : List.of(OrderStatus.REGISTERED, OrderStatus.DISPATCHED, OrderStatus.IN_PROGRESS,
                OrderStatus.RETURN_REQUESTED)) {
            WorkOrder o = inStatus(status, MONDAY_MORNING);
            WorkOrder.Snapshot before = o.snapshot();

            Decision byDirector = o.overrideClose("市民撤回诉求", director(), LATER);

            assertThat(((Decision.Rejected) byDirector).code()).isEqualTo("status-forbids");
            assertThat(((Decision.Rejected) byDirector).reason()).contains(status.label());
            assertThat(o.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void aMergedOrderClosesWithItsMasterWhicheverWayTheMasterClosed() {
        WorkOrder master = inProgress(ENFORCEMENT, MONDAY_MORNING);
        WorkOrder repeat = registered(MONDAY_MORNING.plusSeconds(60));
        require(repeat.mergeInto(master, "同一积水点", dispatcher(), MONDAY_MORNING.plusSeconds(120)));
        require(master.submitCoUnitPart("已配合", handlerOf(GULOU), MONDAY_MORNING.plusSeconds(180)));
        require(master.reply(reply(), handlerOf(ENFORCEMENT), MONDAY_MORNING.plusSeconds(240)));
        assertThat(((Decision.Rejected) repeat.overrideClose("随主单", director(), LATER)).code())
                .as("a merged order has no close of its own").isEqualTo("status-forbids");

        require(master.overrideClose("市民撤回诉求", director(), LATER));

        assertThat(repeat.closeWithMaster(master, director(), LATER).isAllowed()).isTrue();
        assertThat(repeat.closedAt()).isEqualTo(LATER);
    }
}
