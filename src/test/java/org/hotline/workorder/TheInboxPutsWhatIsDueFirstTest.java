package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.hotline.deadline.Deadlines;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.platform.ForbiddenException;
import org.hotline.quality.internal.QualityClock;
import org.hotline.quality.internal.QualityIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 待办: a unit's inbox lists the orders it leads by the deadline it works to next (the acknowledgement while it
 * waits for it, the reply after that), a return under review last with its clock paused, and the parts it owes as
 * co-unit by their own deadlines. Whether a line is overdue or at risk is the order's own verdict; each counter
 * counts exactly what its filter shows. Only a unit's users have an inbox.
 *
 * <p>On the real calendar, in the first half of December 2026 (no holidays), looked at on Friday 11 December,
 * 10:00; the clock is the application's ({@link QualityClock}).
 */
@QualityIntegrationTest
class TheInboxPutsWhatIsDueFirstTest {

    private static final Actor OPERATOR = new Actor("operator1", "话务员一", Role.OPERATOR, null);
    private static final Actor DISPATCHER = new Actor("dispatcher1", "派单员一", Role.DISPATCHER, null);
    private static final Actor REVIEWER = new Actor("reviewer1", "审核员一", Role.REVIEWER, null);
    private static final String FRIDAY = "2026-12-11T10:00";

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkOrderService service;

    @Autowired
    QualityClock clock;

    @Autowired
    Deadlines deadlines;

    UnitId unit;
    UnitId other;
    Actor handler;

    @BeforeEach
    void unitsOfTheirOwn() throws Exception {
        unit = WorkListUnits.create(mvc, "测试街道");
        other = WorkListUnits.create(mvc, "测试局");
        handler = WorkListUnits.handler(unit);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theLedOrdersComeByTheDeadlineTheUnitWorksToNextAndAPausedOneLast() {
        Orders o = new Orders();

        Inbox inbox = service.inbox(Inbox.Filter.ALL, 0, 0, 20, handler);

        assertThat(inbox.led().items()).extracting(i -> i.order().number()).containsExactly(
                o.overdue, // reply due Monday 7th, 09:00 (dispatched on 30 November)
                o.unacknowledged, // acknowledge by Monday 7th, 11:00
                o.newToday, // acknowledge by today, 11:30
                o.atRisk, // reply due Monday 14th, 09:00
                o.redone, // reply due three working days after the redo of Wednesday 9th
                o.onTrack, // reply due Thursday 17th
                o.returning); // a return under review: paused, last
        assertThat(inbox.led().items()).extracting(WorkList.Item::due).containsExactly(WorkList.Due.HANDLE,
                WorkList.Due.ACKNOWLEDGE, WorkList.Due.ACKNOWLEDGE, WorkList.Due.HANDLE, WorkList.Due.HANDLE,
                WorkList.Due.HANDLE, WorkList.Due.HANDLE);
        assertThat(inbox.led().items()).extracting(WorkList.Item::standing).containsExactly(
                WorkList.Standing.OVERDUE, WorkList.Standing.OVERDUE, WorkList.Standing.ON_TRACK,
                WorkList.Standing.AT_RISK, WorkList.Standing.ON_TRACK, WorkList.Standing.ON_TRACK,
                WorkList.Standing.PAUSED);
        assertThat(inbox.led().items().get(1).dueBy()).isEqualTo(service.find(o.unacknowledged, handler)
                .clock().acknowledgeDeadline());
        assertThat(inbox.led().items()).extracting(i -> i.order().number()).doesNotContain(o.replied, o.othersOrder);
    }

    @Test
    void overdueAndAtRiskAreTheOrdersOwnVerdicts() {
        Orders o = new Orders();
        Instant now = clock.instant();

        for (WorkList.Item line : service.inbox(Inbox.Filter.ALL, 0, 0, 20, handler).led().items()) {
            WorkOrder order = service.find(line.order().number(), handler);
            boolean late = order.isOverdue(now) || order.isAcknowledgeOverdue(now);
            assertThat(line.standing() == WorkList.Standing.OVERDUE).as("%s overdue", order.number()).isEqualTo(late);
            // the worse verdict shows: an order not acknowledged in time is overdue even while its reply is only at risk
            assertThat(line.standing() == WorkList.Standing.AT_RISK).as("%s at risk", order.number())
                    .isEqualTo(order.isAtRisk(now, deadlines) && !late);
            assertThat(line.order().overdue()).isEqualTo(order.isOverdue(now));
        }
        assertThat(o.atRisk).isNotNull();
    }

    @Test
    void aCoUnitSeesThePartsItOwesByTheirOwnDeadlines() {
        Orders o = new Orders();

        Inbox inbox = service.inbox(Inbox.Filter.ALL, 0, 0, 20, handler);

        assertThat(inbox.coHandled().items()).extracting(i -> i.order().number())
                .containsExactly(o.partLate, o.partOwed);
        WorkList.Item late = inbox.coHandled().items().get(0);
        assertThat(late.due()).isEqualTo(WorkList.Due.CO_UNIT_PART);
        assertThat(late.part().unit()).isEqualTo(unit);
        assertThat(late.standing()).isEqualTo(WorkList.Standing.OVERDUE);
        assertThat(late.dueBy()).isEqualTo(late.part().deadline());
        assertThat(inbox.coHandled().items().get(1).standing()).isEqualTo(WorkList.Standing.ON_TRACK);
        Inbox leads = service.inbox(Inbox.Filter.ALL, 0, 0, 20, WorkListUnits.handler(other));
        assertThat(leads.led().items()).extracting(i -> i.order().number())
                .containsExactlyInAnyOrder(o.partLate, o.partOwed, o.othersOrder);
        assertThat(leads.coHandled().items()).isEmpty();
    }

    @Test
    void eachCounterCountsWhatItsFilterShows() {
        new Orders();

        Inbox all = service.inbox(Inbox.Filter.ALL, 0, 0, 20, handler);

        assertThat(all.counts()).isEqualTo(new Inbox.Counts(9, 2, 5, 1, 3, 2, 1));
        for (Inbox.Filter filter : Inbox.Filter.values()) {
            Inbox shown = service.inbox(filter, 0, 0, 20, handler);
            assertThat(shown.led().total() + shown.coHandled().total()).as(filter.name())
                    .isEqualTo(all.counts().of(filter));
            assertThat(shown.counts()).as("the counters do not depend on the filter").isEqualTo(all.counts());
        }
        assertThat(service.inbox(Inbox.Filter.REDO, 0, 0, 20, handler).led().items())
                .singleElement().satisfies(l -> assertThat(l.order().redoCount()).isEqualTo(1));
        assertThat(service.inbox(Inbox.Filter.CO_UNIT, 0, 0, 20, handler).led().items()).isEmpty();
    }

    @Test
    void theListsArePagedAfterSorting() {
        Orders o = new Orders();

        Inbox second = service.inbox(Inbox.Filter.ALL, 1, 0, 3, handler);

        assertThat(second.led().total()).isEqualTo(7);
        assertThat(second.led().page()).isEqualTo(1);
        assertThat(second.led().pages()).isEqualTo(3);
        assertThat(second.led().items()).extracting(i -> i.order().number())
                .containsExactly(o.atRisk, o.redone, o.onTrack);
    }

    @Test
    void theCenterHasNoInbox() {
        for (Actor center : List.of(OPERATOR, DISPATCHER, REVIEWER,
                new Actor("supervisor1", "督办员一", Role.SUPERVISOR, null))) {
            assertThatThrownBy(() -> service.inbox(Inbox.Filter.ALL, 0, 0, 20, center))
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("承办单位");
        }
    }

    /** The unit's orders on the morning of Friday 11 December, made on the days before, each through the service. */
    private final class Orders {

        final OrderNumber unacknowledged;
        final OrderNumber overdue;
        final OrderNumber atRisk;
        final OrderNumber onTrack;
        final OrderNumber returning;
        final OrderNumber redone;
        final OrderNumber newToday;
        final OrderNumber replied;
        final OrderNumber othersOrder;
        final OrderNumber partLate;
        final OrderNumber partOwed;

        Orders() {
            overdue = dispatched("2026-11-30T09:00", unit);
            acknowledge(overdue, "2026-11-30T10:00");
            unacknowledged = dispatched("2026-12-07T09:00", unit);
            atRisk = dispatched("2026-12-07T09:00", unit);
            acknowledge(atRisk, "2026-12-07T10:00");
            replied = dispatched("2026-12-07T09:00", unit);
            acknowledge(replied, "2026-12-07T10:00");
            reply(replied, "2026-12-08T10:00");
            redone = dispatched("2026-12-07T09:00", unit);
            acknowledge(redone, "2026-12-07T10:00");
            reply(redone, "2026-12-08T10:00");
            at("2026-12-09T09:00");
            service.redo(redone, "回访不满意", REVIEWER, null);
            acknowledge(redone, "2026-12-09T10:00");
            onTrack = dispatched("2026-12-10T09:00", unit);
            acknowledge(onTrack, "2026-12-10T10:00");
            returning = dispatched("2026-12-10T09:00", unit);
            at("2026-12-10T09:30");
            service.requestReturn(returning, ReturnReason.OUTSIDE_JURISDICTION, other, "属于测试局职责", handler, null);
            // led by the other unit, this unit owing its part: one late (due Thursday 10th), one not yet due
            partLate = dispatched("2026-12-07T09:00", other, unit);
            partOwed = dispatched("2026-12-10T14:00", other, unit);
            othersOrder = dispatched("2026-12-10T09:00", other);
            newToday = dispatched("2026-12-11T09:30", unit);
            at(FRIDAY);
        }

        private OrderNumber dispatched(String at, UnitId lead, UnitId... coUnits) {
            at(at);
            OrderNumber n = service.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                    new Citizen("王女士", "13812341234", false), "小区门口路灯不亮", new Location("测试路 1 号", null, null),
                    null, Urgency.NORMAL), null, OPERATOR, null, null).order().number();
            service.dispatch(n, lead, List.of(coUnits), null, null, DISPATCHER, null);
            return n;
        }

        private void acknowledge(OrderNumber n, String at) {
            at(at);
            service.acknowledge(n, handler, null);
        }

        private void reply(OrderNumber n, String at) {
            at(at);
            service.reply(n, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已修复路灯", null, null, true), handler,
                    null);
        }

        private void at(String beijingTime) {
            clock.set(beijingTime);
        }
    }
}
