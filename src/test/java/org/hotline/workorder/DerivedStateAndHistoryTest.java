package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.*;

import java.time.Instant;

import org.hotline.organization.Actor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Overdue and at-risk are derived from deadlines and the clock; every change leaves a history line. */
class DerivedStateAndHistoryTest {

    @Nested
    class OverdueAndAtRiskAreDerived {

        @Test
        void anOrderIsOverdueOnlyAfterItsDeadlineWhileTheUnitStillOwesTheReply() {
            WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
            Instant deadline = o.clock().handleDeadline();
            assertThat(o.isOverdue(deadline)).isFalse();
            assertThat(o.isOverdue(deadline.plusSeconds(1))).isTrue();

            WorkOrder replied = inStatus(OrderStatus.REPLIED, MONDAY_MORNING);
            assertThat(replied.isOverdue(deadline.plusSeconds(86400))).isFalse();
        }

        @Test
        void anOrderIsAtRiskOnceThreeQuartersOfItsWorkingTimeHavePassed() {
            WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
            Instant riskFrom = DEADLINES.atRiskFrom(o.clock().dispatchedAt(), o.clock().handleDeadline());
            assertThat(o.isAtRisk(riskFrom.minusSeconds(1), DEADLINES)).isFalse();
            assertThat(o.isAtRisk(riskFrom, DEADLINES)).isTrue();
            assertThat(o.isAtRisk(o.clock().handleDeadline().plusSeconds(1), DEADLINES)).as("overdue is not at risk").isFalse();
        }

        @Test
        void anUnacknowledgedOrderIsLateToAcknowledgeAfterItsAcknowledgeDeadline() {
            WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
            assertThat(o.isAcknowledgeOverdue(o.clock().acknowledgeDeadline())).isFalse();
            assertThat(o.isAcknowledgeOverdue(o.clock().acknowledgeDeadline().plusSeconds(1))).isTrue();
            o.acknowledge(handlerOf(ENFORCEMENT), o.clock().acknowledgeDeadline().plusSeconds(1));
            assertThat(o.isAcknowledgeOverdue(o.clock().acknowledgeDeadline().plusSeconds(3600))).isFalse();
        }

        @Test
        void theClockDoesNotRunAgainstAUnitWhileTheCenterReviewsItsReturn() {
            WorkOrder o = inStatus(OrderStatus.RETURN_REQUESTED, MONDAY_MORNING);
            assertThat(o.isOverdue(o.clock().handleDeadline().plusSeconds(86400))).isFalse();
        }
    }

    @Nested
    class EveryChangeIsRecorded {

        @Test
        void eachTransitionRecordsWhoWhenWhyAndTheStatusBeforeAndAfter() {
            WorkOrder o = inStatus(OrderStatus.RETURN_REQUESTED, MONDAY_MORNING);
            HistoryEntry last = o.newHistory().get(o.newHistory().size() - 1);
            assertThat(last.action()).isEqualTo(OrderAction.REQUEST_RETURN);
            assertThat(last.actor()).isEqualTo(handlerOf(ENFORCEMENT).username());
            assertThat(last.actorUnit()).isEqualTo(ENFORCEMENT.value());
            assertThat(last.at()).isEqualTo(MONDAY_MORNING.plusSeconds(1800));
            assertThat(last.reason()).isEqualTo("属于住建部门职责");
            assertThat(last.fromStatus()).isEqualTo(OrderStatus.DISPATCHED);
            assertThat(last.toStatus()).isEqualTo(OrderStatus.RETURN_REQUESTED);
            assertThat(o.newHistory()).extracting(HistoryEntry::seq).containsExactly(1, 2, 3);
        }

        @Test
        void aRefusedActionLeavesNoTrace() {
            WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
            int before = o.newHistory().size();
            o.reply(reply(), handlerOf(ENFORCEMENT), MONDAY_MORNING);
            assertThat(o.newHistory()).hasSize(before);
            assertThat(o.events()).noneMatch(e -> e instanceof WorkOrderEvent.Replied);
        }

        @Test
        void theSystemActsUnderItsOwnName() {
            WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
            Instant late = o.coUnit(GULOU).orElseThrow().deadline().plusSeconds(1);
            o.recordNonCooperation(GULOU, Actor.system(), late);
            assertThat(o.newHistory()).last().satisfies(h -> assertThat(h.actor()).isEqualTo("system"));
        }
    }

    @Nested
    class CitizensPhoneNumbersAreMasked {

        @Test
        void aMobileNumberShowsOnlyItsFirstThreeAndLastFourDigits() {
            assertThat(Citizen.mask("13812341234")).isEqualTo("138****1234");
            assertThat(Citizen.mask("0635-8421234")).isEqualTo("0635-****1234");
        }

        @Test
        void theCenterAndTheHandlingUnitsMayContactTheCitizenOthersMayNot() {
            WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
            assertThat(o.mayContactCitizen(operator())).isTrue();
            assertThat(o.mayContactCitizen(dispatcher())).isTrue();
            assertThat(o.mayContactCitizen(handlerOf(ENFORCEMENT))).isTrue();
            assertThat(o.mayContactCitizen(handlerOf(GULOU))).as("co-unit").isTrue();
            assertThat(o.mayContactCitizen(handlerOf(MARKET))).isFalse();
            assertThat(o.mayContactCitizen(admin())).isFalse();
        }

        @Test
        void aConfidentialCitizenIsNotRevealedToTheUnits() {
            WorkOrder o = WorkOrder.register(nextNumber(), new WorkOrder.Appeal(Channel.PHONE, AppealType.REPORT,
                    new Citizen("赵某", "13700002222", true), "举报无证经营", Location.none(), null, null),
                    operator(), MONDAY_MORNING);
            o.dispatch(MARKET, java.util.List.of(), null, null, dispatcher(), MONDAY_MORNING, DEADLINES);
            assertThat(o.mayContactCitizen(handlerOf(MARKET))).isFalse();
            assertThat(o.mayContactCitizen(dispatcher())).isTrue();
        }
    }

    @Test
    void aUnitSeesOnlyOrdersWhereItIsLeadOrCoUnit() {
        WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
        assertThat(o.isVisibleTo(handlerOf(ENFORCEMENT))).isTrue();
        assertThat(o.isVisibleTo(handlerOf(GULOU))).isTrue();
        assertThat(o.isVisibleTo(handlerOf(MARKET))).isFalse();
        assertThat(o.isVisibleTo(supervisor())).isTrue();
    }
}
