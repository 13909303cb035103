package org.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.hotline.deadline.Deadlines;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.quality.internal.QualityClock;
import org.hotline.quality.internal.QualityIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 督办: the supervisors' lists across units hold exactly the orders the orders themselves call overdue, at risk,
 * not acknowledged in time, or redone {@link SupervisionLists#REDONE_AT_LEAST} times or more (and still open), narrowed
 * to a unit when asked and sorted by deadline or by unit; each list's counter is its length. Only those who may
 * supervise (supervisors and the director) read them.
 *
 * <p>Looked at on Friday 11 December 2026, 10:00, on the real calendar, with the application's clock.
 */
@QualityIntegrationTest
class TheSupervisorsListsAreTheOrdersOwnVerdictsTest {

    private static final Actor OPERATOR = new Actor("operator1", "话务员一", Role.OPERATOR, null);
    private static final Actor DISPATCHER = new Actor("dispatcher1", "派单员一", Role.DISPATCHER, null);
    private static final Actor REVIEWER = new Actor("reviewer1", "审核员一", Role.REVIEWER, null);
    private static final Actor SUPERVISOR = new Actor("supervisor1", "督办员一", Role.SUPERVISOR, null);
    private static final Actor DIRECTOR = new Actor("director1", "中心主任", Role.DIRECTOR, null);

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkOrderService service;

    @Autowired
    QualityClock clock;

    @Autowired
    Deadlines deadlines;

    UnitId a;
    UnitId b;
    final List<OrderNumber> made = new ArrayList<>();

    @BeforeEach
    void unitsOfTheirOwn() throws Exception {
        a = WorkListUnits.create(mvc, "甲街道");
        b = WorkListUnits.create(mvc, "乙局");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachListHoldsExactlyTheOrdersItsOwnRuleNames() {
        Orders o = new Orders();
        Instant now = clock.instant();

        assertThat(list(SupervisionLists.Kind.OVERDUE, a)).containsExactlyInAnyOrderElementsOf(
                mine(a, w -> w.isOverdue(now))).contains(o.overdue).doesNotContain(o.onTrack, o.returning);
        assertThat(list(SupervisionLists.Kind.AT_RISK, a)).containsExactlyInAnyOrderElementsOf(
                mine(a, w -> w.isAtRisk(now, deadlines))).contains(o.atRisk, o.unacknowledged);
        assertThat(list(SupervisionLists.Kind.ACKNOWLEDGE_OVERDUE, a)).containsExactly(o.unacknowledged);
        assertThat(list(SupervisionLists.Kind.REDONE, a)).containsExactly(o.redoneTwice);
        assertThat(list(SupervisionLists.Kind.REDONE, b)).as("a replied order redone twice is still open")
                .containsExactly(o.repliedAfterTwoRedos);
        assertThat(list(SupervisionLists.Kind.OVERDUE, b)).containsExactly(o.overdueAtB);
    }

    @Test
    void aLineIsAboutTheClockOfItsList() {
        Orders o = new Orders();

        WorkList.Item unacknowledged = query(SupervisionLists.Kind.ACKNOWLEDGE_OVERDUE, a, SupervisionLists.Sort.DEADLINE)
                .list().items().get(0);
        assertThat(unacknowledged.due()).isEqualTo(WorkList.Due.ACKNOWLEDGE);
        assertThat(unacknowledged.dueBy()).isEqualTo(service.find(o.unacknowledged, SUPERVISOR).clock().acknowledgeDeadline());
        assertThat(unacknowledged.standing()).isEqualTo(WorkList.Standing.OVERDUE);
        WorkList.Item sameOrderAtRisk = query(SupervisionLists.Kind.AT_RISK, a, SupervisionLists.Sort.DEADLINE).list().items()
                .stream().filter(i -> i.order().number().equals(o.unacknowledged)).findFirst().orElseThrow();
        assertThat(sameOrderAtRisk.due()).isEqualTo(WorkList.Due.HANDLE);
        assertThat(sameOrderAtRisk.standing()).isEqualTo(WorkList.Standing.AT_RISK);
        WorkList.Item supervised = query(SupervisionLists.Kind.OVERDUE, a, SupervisionLists.Sort.DEADLINE).list().items()
                .stream().filter(i -> i.order().number().equals(o.overdue)).findFirst().orElseThrow();
        assertThat(supervised.lastSupervisedAt()).isEqualTo(o.supervisedAt);
        assertThat(supervised.order().supervisionCount()).isEqualTo(1);
    }

    @Test
    void eachCounterIsTheLengthOfItsList() {
        new Orders();

        SupervisionLists shown = query(SupervisionLists.Kind.OVERDUE, a, SupervisionLists.Sort.DEADLINE);

        for (SupervisionLists.Kind kind : SupervisionLists.Kind.values()) {
            assertThat(shown.counts().of(kind)).as(kind.name()).isEqualTo(list(kind, a).size());
        }
        assertThat(shown.counts().overdue()).isEqualTo(shown.list().total());
    }

    @Test
    void byDeadlineTheEarliestComesFirstAndByUnitTheUnitsOrdersStayTogether() {
        new Orders();

        List<WorkList.Item> byDeadline = query(SupervisionLists.Kind.AT_RISK, a, SupervisionLists.Sort.DEADLINE).list().items();
        assertThat(byDeadline).extracting(WorkList.Item::dueBy).isSorted();

        List<UnitId> units = new ArrayList<>();
        for (int page = 0; page < 20; page++) {
            WorkList lines = service.supervision(new SupervisionLists.Query(SupervisionLists.Kind.OVERDUE, null, null,
                    SupervisionLists.Sort.UNIT, page, 50), SUPERVISOR).list();
            lines.items().stream().filter(i -> made.contains(i.order().number()))
                    .forEach(i -> units.add(i.order().leadUnit()));
            if (page + 1 >= lines.pages()) {
                break;
            }
        }
        List<UnitId> expected = new ArrayList<>(units);
        expected.sort(java.util.Comparator.comparing(UnitId::value));
        assertThat(units).as("every overdue order of both units, grouped by unit").isEqualTo(expected)
                .contains(a, b);
    }

    @Test
    void onlyThoseWhoMaySuperviseReadTheLists() {
        SupervisionLists.Query q = new SupervisionLists.Query(SupervisionLists.Kind.OVERDUE, null, null, null, 0, 20);

        assertThat(service.supervision(q, SUPERVISOR).query().kind()).isEqualTo(SupervisionLists.Kind.OVERDUE);
        assertThat(service.supervision(q, DIRECTOR).list()).isNotNull();
        for (Actor other : List.of(OPERATOR, DISPATCHER, REVIEWER, WorkListUnits.handler(a))) {
            assertThatThrownBy(() -> service.supervision(q, other)).as(other.username())
                    .isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void anUnknownUnitOrCategoryIsBadInputNotAnEmptyList() {
        assertThatThrownBy(() -> service.supervision(new SupervisionLists.Query(null, new UnitId("no-such-unit"), null,
                null, 0, 20), SUPERVISOR)).isInstanceOf(InvalidInputException.class).hasMessageContaining("未知单位");
        assertThatThrownBy(() -> service.supervision(new SupervisionLists.Query(null, null, "99.99", null, 0, 20),
                SUPERVISOR)).isInstanceOf(InvalidInputException.class).hasMessageContaining("未知分类");
    }

    private SupervisionLists query(SupervisionLists.Kind kind, UnitId unit, SupervisionLists.Sort sort) {
        return service.supervision(new SupervisionLists.Query(kind, unit, null, sort, 0, 200), SUPERVISOR);
    }

    private List<OrderNumber> list(SupervisionLists.Kind kind, UnitId unit) {
        return query(kind, unit, SupervisionLists.Sort.DEADLINE).list().items().stream().map(i -> i.order().number())
                .toList();
    }

    /** The orders this test made for {@code unit} that the order itself says {@code rule} of. */
    private List<OrderNumber> mine(UnitId unit, Predicate<WorkOrder> rule) {
        return made.stream().map(n -> service.find(n, SUPERVISOR))
                .filter(w -> unit.equals(w.leadUnit()) && rule.test(w)).map(WorkOrder::number).toList();
    }

    /** Two units' orders on the morning of Friday 11 December, made on the days before through the service. */
    private final class Orders {

        final OrderNumber overdue;
        final Instant supervisedAt;
        final OrderNumber unacknowledged;
        final OrderNumber atRisk;
        final OrderNumber onTrack;
        final OrderNumber returning;
        final OrderNumber redoneTwice;
        final OrderNumber overdueAtB;
        final OrderNumber repliedAfterTwoRedos;

        Orders() {
            overdue = dispatched("2026-11-30T09:00", a);
            acknowledge(overdue, "2026-11-30T10:00");
            at("2026-12-08T09:00");
            supervisedAt = clock.instant();
            service.supervise(overdue, "已超期，请今日答复", SUPERVISOR, null);
            overdueAtB = dispatched("2026-11-30T09:00", b);
            acknowledge(overdueAtB, "2026-11-30T10:00");
            redoneTwice = redoneTwice("2026-12-01T09:00", a);
            acknowledge(redoneTwice, "2026-12-03T10:30");
            repliedAfterTwoRedos = redoneTwice("2026-12-01T09:00", b);
            acknowledge(repliedAfterTwoRedos, "2026-12-03T10:30");
            reply(repliedAfterTwoRedos, "2026-12-03T11:00");
            unacknowledged = dispatched("2026-12-07T09:00", a);
            atRisk = dispatched("2026-12-07T09:00", a);
            acknowledge(atRisk, "2026-12-07T10:00");
            onTrack = dispatched("2026-12-10T09:00", a);
            acknowledge(onTrack, "2026-12-10T10:00");
            returning = dispatched("2026-11-30T09:00", a);
            at("2026-11-30T09:30");
            service.requestReturn(returning, ReturnReason.OUTSIDE_JURISDICTION, b, "属于乙局职责",
                    WorkListUnits.handler(a), null);
            at("2026-12-11T10:00");
        }

        private OrderNumber redoneTwice(String at, UnitId unit) {
            OrderNumber n = dispatched(at, unit);
            acknowledge(n, "2026-12-01T10:00");
            reply(n, "2026-12-01T11:00");
            at("2026-12-02T09:00");
            service.redo(n, "回访不满意", REVIEWER, null);
            acknowledge(n, "2026-12-02T10:00");
            reply(n, "2026-12-02T11:00");
            at("2026-12-03T09:00");
            service.redo(n, "回访仍不满意", REVIEWER, null);
            return n;
        }

        private OrderNumber dispatched(String at, UnitId lead) {
            at(at);
            OrderNumber n = service.register(new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT,
                    new Citizen("王女士", "13812341234", false), "小区门口路灯不亮", new Location("测试路 1 号", null, null),
                    null, Urgency.NORMAL), null, OPERATOR, null, null).order().number();
            service.dispatch(n, lead, List.of(), null, null, DISPATCHER, null);
            made.add(n);
            return n;
        }

        private void acknowledge(OrderNumber n, String at) {
            at(at);
            service.acknowledge(n, WorkListUnits.handler(service.find(n, SUPERVISOR).leadUnit()), null);
        }

        private void reply(OrderNumber n, String at) {
            at(at);
            service.reply(n, new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已修复路灯", null, null, true),
                    WorkListUnits.handler(service.find(n, SUPERVISOR).leadUnit()), null);
        }

        private void at(String beijingTime) {
            clock.set(beijingTime);
        }
    }
}
