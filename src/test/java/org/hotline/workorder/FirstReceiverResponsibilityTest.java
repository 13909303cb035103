package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.workorder.WorkOrderFixture.*;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** 首接负责制: the unit that receives an order handles it; a return is the one narrow, guarded exit. */
class FirstReceiverResponsibilityTest {

    private Decision.Rejected rejected(Decision d) {
        assertThat(d).isInstanceOf(Decision.Rejected.class);
        return (Decision.Rejected) d;
    }

    @Nested
    class AReturnNeedsItsReason {

        @Test
        void returnNamesTheUnitThatShouldHaveIt() {
            WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
            Decision d = o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, null, "不归我们管",
                    handlerOf(ENFORCEMENT), MONDAY_MORNING.plusSeconds(600), DEADLINES);
            assertThat(rejected(d).code()).isEqualTo("return-needs-suggested-unit");
            assertThat(o.status()).isEqualTo(OrderStatus.DISPATCHED);
        }

        @Test
        void returnExplainsWhy() {
            WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
            Decision d = o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, HOUSING, " ", handlerOf(ENFORCEMENT),
                    MONDAY_MORNING.plusSeconds(600), DEADLINES);
            assertThat(rejected(d).code()).isEqualTo("return-needs-explanation");
        }

        @Test
        void aUnitCannotSuggestItself() {
            WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
            Decision d = o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, ENFORCEMENT, "不归我们管",
                    handlerOf(ENFORCEMENT), MONDAY_MORNING.plusSeconds(600), DEADLINES);
            assertThat(rejected(d).code()).isEqualTo("return-suggests-itself");
        }
    }

    @Nested
    class AReturnHasAWindowOfTwoWorkingDays {

        @Test
        void anOrderWithoutAReturnWindowCannotBeReturnedAndDoesNotBreak() {
            // as a history import or rows from before the window was stored leave it: dispatched, no window
            WorkOrder.Snapshot s = dispatched(ENFORCEMENT, MONDAY_MORNING).snapshot();
            HandlingClock c = s.clock();
            WorkOrder o = WorkOrder.restore(new WorkOrder.Snapshot(s.number(), s.version(), s.registration(),
                    s.categoryCode(), s.status(), s.intakeAnswer(), s.leadUnit(),
                    new HandlingClock(c.dispatchedAt(), c.acknowledgeDeadline(), c.acknowledgedAt(), c.handleDeadline(),
                            null),
                    s.returnRequest(), s.extension(), s.redoCount(), s.supervision(), s.merge(), s.closedAt(),
                    s.coUnits(), s.replies(), s.historySize(), s.intakeOutcome(), s.intakeRoute()));
            Decision d = o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, HOUSING, "属于住建部门职责",
                    handlerOf(ENFORCEMENT), MONDAY_MORNING.plusSeconds(600), DEADLINES);
            assertThat(rejected(d).code()).isEqualTo("return-window-closed");
            assertThat(o.status()).isEqualTo(OrderStatus.DISPATCHED);
        }

        @Test
        void returnWithinTwoWorkingDaysOfDispatchIsAccepted() {
            WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
            // Wednesday 08:59: not yet two full working days (Mon 09:00 + 2 days = Wed 09:00).
            Decision d = o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, HOUSING, "属于住建部门职责",
                    handlerOf(ENFORCEMENT), at("2026-12-02T08:59"), DEADLINES);
            assertThat(d.isAllowed()).isTrue();
            assertThat(o.status()).isEqualTo(OrderStatus.RETURN_REQUESTED);
        }

        @Test
        void returnAfterTwoWorkingDaysIsRefused() {
            WorkOrder o = inProgress(ENFORCEMENT, MONDAY_MORNING);
            Decision d = o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, HOUSING, "属于住建部门职责",
                    handlerOf(ENFORCEMENT), at("2026-12-02T09:01"), DEADLINES);
            assertThat(rejected(d).code()).isEqualTo("return-window-closed");
            assertThat(o.status()).isEqualTo(OrderStatus.IN_PROGRESS);
        }

        @Test
        void theWindowCountsWorkingDaysNotCalendarDays() {
            // Dispatched on Friday 9 October 2026 at 09:00. Saturday 10 October is a make-up workday (调休) and
            // counts; Sunday 11 does not. Two working days therefore end on Monday 12 October at 09:00, a day
            // earlier than they would without the make-up Saturday.
            WorkOrder o = dispatched(ENFORCEMENT, at("2026-10-09T09:00"));
            assertThat(o.clock().returnRequestDeadline()).isEqualTo(at("2026-10-12T09:00"));
            Decision late = o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, HOUSING, "属于住建部门职责",
                    handlerOf(ENFORCEMENT), at("2026-10-12T09:01"), DEADLINES);
            assertThat(rejected(late).code()).isEqualTo("return-window-closed");
        }
    }

    @Nested
    class AtMostOneReturnPerOrder {

        @Test
        void afterARejectedReturnTheUnitMustHandleTheOrder() {
            WorkOrder o = inStatus(OrderStatus.RETURN_REQUESTED, MONDAY_MORNING);
            Instant decided = MONDAY_MORNING.plusSeconds(3 * 3600);
            assertThat(o.rejectReturn("积水点位于道路红线内，属执法局职责", dispatcher(), decided, DEADLINES).isAllowed())
                    .isTrue();

            assertThat(o.status()).isEqualTo(OrderStatus.IN_PROGRESS);
            assertThat(o.leadUnit()).isEqualTo(ENFORCEMENT);
            Decision again = o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, HOUSING, "仍认为属于住建",
                    handlerOf(ENFORCEMENT), decided.plusSeconds(60), DEADLINES);
            assertThat(rejected(again).code()).isEqualTo("return-already-used");
        }

        @Test
        void theUnitAnOrderIsReturnedToCannotReturnItAgain() {
            WorkOrder o = inStatus(OrderStatus.RETURN_REQUESTED, MONDAY_MORNING);
            Instant decided = MONDAY_MORNING.plusSeconds(3 * 3600);
            assertThat(o.approveReturn(null, "同意改派", dispatcher(), decided, DEADLINES).isAllowed()).isTrue();

            Decision secondReturn = o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, ENFORCEMENT, "应属执法局",
                    handlerOf(HOUSING), decided.plusSeconds(60), DEADLINES);
            assertThat(rejected(secondReturn).code()).isEqualTo("return-already-used");
        }
    }

    @Nested
    class OnlyTheLeadUnitMayAskAndOnlyTheCenterDecides {

        @Test
        void coUnitsCanNeverReturn() {
            WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
            Decision d = o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, HOUSING, "不归我们管", handlerOf(GULOU),
                    MONDAY_MORNING.plusSeconds(600), DEADLINES);
            assertThat(rejected(d).code()).isEqualTo("co-unit-cannot-return");
            assertThat(rejected(d).forbidden()).isTrue();
        }

        @Test
        void aUnitCannotDecideItsOwnReturn() {
            WorkOrder o = inStatus(OrderStatus.RETURN_REQUESTED, MONDAY_MORNING);
            Decision d = o.approveReturn(null, "同意", leaderOf(ENFORCEMENT), MONDAY_MORNING.plusSeconds(7200),
                    DEADLINES);
            assertThat(rejected(d).forbidden()).isTrue();
            assertThat(o.status()).isEqualTo(OrderStatus.RETURN_REQUESTED);
        }

        @Test
        void anApprovedReturnRedispatchesWithFreshClocks() {
            WorkOrder o = inStatus(OrderStatus.RETURN_REQUESTED, MONDAY_MORNING);
            Instant decided = at("2026-12-01T10:00");
            assertThat(o.approveReturn(null, "同意改派住建局", dispatcher(), decided, DEADLINES).isAllowed()).isTrue();

            assertThat(o.status()).isEqualTo(OrderStatus.DISPATCHED);
            assertThat(o.leadUnit()).isEqualTo(HOUSING);
            assertThat(o.clock().dispatchedAt()).isEqualTo(decided);
            assertThat(o.clock().handleDeadline()).isEqualTo(DEADLINES.handleBy(decided, false));
            assertThat(o.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                    WorkOrderEvent.ReturnApproved.class, r -> {
                        assertThat(r.fromUnit()).isEqualTo(ENFORCEMENT);
                        assertThat(r.toUnit()).isEqualTo(HOUSING);
                    }));
        }
    }

    @Test
    void theHandlingClockIsPausedWhileTheCenterReviewsAReturn() {
        WorkOrder o = dispatched(ENFORCEMENT, MONDAY_MORNING);
        Instant deadlineBefore = o.clock().handleDeadline();
        Instant asked = at("2026-11-30T10:00");
        Instant decided = at("2026-11-30T15:00");
        assertThat(o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, HOUSING, "属于住建部门职责",
                handlerOf(ENFORCEMENT), asked, DEADLINES).isAllowed()).isTrue();
        assertThat(o.rejectReturn("属执法局职责", dispatcher(), decided, DEADLINES).isAllowed()).isTrue();

        assertThat(o.clock().handleDeadline()).isEqualTo(DEADLINES.pause(deadlineBefore, asked, decided));
        assertThat(o.clock().handleDeadline()).isAfter(deadlineBefore);
    }
}
