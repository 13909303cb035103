package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.*;

import java.time.Instant;

import org.hotline.organization.Actor;
import org.junit.jupiter.api.Test;

/** 联办: the lead unit leads; co-units must contribute by their own deadline; refusals are reported. */
class JointHandlingTest {

    @Test
    void eachCoUnitGetsItsOwnDeadlineNeverAfterTheLeads() {
        WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
        CoUnit gulou = o.coUnit(GULOU).orElseThrow();
        assertThat(gulou.deadline()).isEqualTo(DEADLINES.coUnitBy(MONDAY_MORNING, o.clock().handleDeadline()));
        assertThat(gulou.deadline()).isBeforeOrEqualTo(o.clock().handleDeadline());
    }

    @Test
    void theLeadUnitAddsCoUnitsButNotItselfAndNotTwice() {
        WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
        Instant now = MONDAY_MORNING.plusSeconds(3600);
        assertThat(o.addCoUnit(MARKET, "涉及占道经营", handlerOf(ENFORCEMENT), now, DEADLINES).isAllowed()).isTrue();
        assertThat(((Decision.Rejected) o.addCoUnit(MARKET, null, handlerOf(ENFORCEMENT), now, DEADLINES)).code())
                .isEqualTo("co-unit-duplicate");
        assertThat(((Decision.Rejected) o.addCoUnit(ENFORCEMENT, null, dispatcher(), now, DEADLINES)).code())
                .isEqualTo("co-unit-is-lead");
    }

    @Test
    void aCoUnitCannotAddFurtherCoUnits() {
        WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
        Decision d = o.addCoUnit(MARKET, null, handlerOf(GULOU), MONDAY_MORNING.plusSeconds(3600), DEADLINES);
        assertThat(((Decision.Rejected) d).forbidden()).isTrue();
    }

    @Test
    void theLeadWaitsForACoUnitThatStillHasTime() {
        WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
        Decision d = o.reply(reply(), handlerOf(ENFORCEMENT), MONDAY_MORNING.plusSeconds(3600));
        assertThat(((Decision.Rejected) d).code()).isEqualTo("co-units-pending");
        assertThat(((Decision.Rejected) d).reason()).contains(GULOU.value());
        assertThat(o.status()).isEqualTo(OrderStatus.IN_PROGRESS);
    }

    @Test
    void theLeadRepliesForAllOnceEveryCoUnitHasSubmitted() {
        WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
        Instant now = MONDAY_MORNING.plusSeconds(3600);
        assertThat(o.acknowledgeAsCoUnit(handlerOf(GULOU), now).isAllowed()).isTrue();
        assertThat(o.submitCoUnitPart("社区已清理杂物", handlerOf(GULOU), now.plusSeconds(60)).isAllowed()).isTrue();
        assertThat(o.reply(reply(), handlerOf(ENFORCEMENT), now.plusSeconds(120)).isAllowed()).isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.REPLIED);
        assertThat(o.coUnit(GULOU).orElseThrow().contribution()).isEqualTo("社区已清理杂物");
    }

    @Test
    void aCoUnitThatMissesItsDeadlineIsRecordedAsNonCooperating() {
        WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
        Instant deadline = o.coUnit(GULOU).orElseThrow().deadline();

        Decision early = o.recordNonCooperation(GULOU, Actor.system(), deadline.minusSeconds(1));
        assertThat(((Decision.Rejected) early).code()).isEqualTo("co-unit-not-overdue");

        assertThat(o.coUnitsOverdue(deadline.plusSeconds(1))).containsExactly(GULOU);
        assertThat(o.recordNonCooperation(GULOU, Actor.system(), deadline.plusSeconds(1)).isAllowed()).isTrue();
        assertThat(o.coUnit(GULOU).orElseThrow().isNonCooperating()).isTrue();
        assertThat(o.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                WorkOrderEvent.NonCooperationRecorded.class, n -> {
                    assertThat(n.coUnit()).isEqualTo(GULOU);
                    assertThat(n.leadUnit()).isEqualTo(ENFORCEMENT);
                }));
        assertThat(o.coUnitsOverdue(deadline.plusSeconds(2))).isEmpty();
    }

    @Test
    void aReplyAfterACoUnitsDeadlineWritesTheCoUnitOffAsNonCooperating() {
        WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
        Instant late = o.coUnit(GULOU).orElseThrow().deadline().plusSeconds(60);
        assertThat(o.reply(reply(), handlerOf(ENFORCEMENT), late).isAllowed()).isTrue();
        assertThat(o.coUnit(GULOU).orElseThrow().isNonCooperating()).isTrue();
    }

    @Test
    void aCoUnitThatDeclinesIsReportedAtOnce() {
        WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
        assertThat(o.declineAsCoUnit("不属于本街道", handlerOf(GULOU), MONDAY_MORNING.plusSeconds(60)).isAllowed())
                .isTrue();
        assertThat(o.coUnit(GULOU).orElseThrow().nonCooperationReason()).contains("不属于本街道");
        assertThat(o.events()).anyMatch(e -> e instanceof WorkOrderEvent.NonCooperationRecorded);
    }

    @Test
    void aCoUnitActsOnlyOnItsOwnPart() {
        WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
        Decision d = o.submitCoUnitPart("代为提交", handlerOf(MARKET), MONDAY_MORNING.plusSeconds(60));
        assertThat(((Decision.Rejected) d).forbidden()).isTrue();
    }
}
