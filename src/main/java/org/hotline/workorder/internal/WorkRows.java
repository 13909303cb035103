package org.hotline.workorder.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hotline.console.ConsoleFormat;
import org.hotline.console.DueState;
import org.hotline.deadline.WorkingCalendar;
import org.hotline.organization.Actor;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.workorder.Decision;
import org.hotline.workorder.OrderAction;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.WorkList;
import org.hotline.workorder.WorkOrder;
import org.springframework.stereotype.Component;

/**
 * The lines of a work list (a unit's inbox, the supervisors' lists) as a page shows them: names for codes, the
 * citizen masked as the REST list masks them, the deadline the line is about in words and colour ("剩余 1 天 3
 * 小时（工作时间）", "已超期 5 小时"; elapsed time for urgent orders, as on the order page), and the actions the
 * viewer may take on the order now, as the order answered them.
 */
@Component
class WorkRows {

    /** One line, ready for a template. */
    record Row(String number, String status, String statusLabel, boolean urgent, String appealType, String category,
            String content, String address, OrderViews.CitizenView citizen, String leadUnit, String leadUnitId,
            String dueKey, Instant dueBy, DueState state, String words, int redoCount, int supervisionCount,
            Instant lastSupervisedAt, Instant partAcknowledgedAt, Map<OrderAction, Decision> actions) {

        /** Whether the viewer may take the action on this order now. */
        public boolean may(String action) {
            return actions.get(OrderAction.valueOf(action)) instanceof Decision.Allowed;
        }
    }

    private final WorkingCalendar calendar;
    private final Units units;
    private final Categories categories;
    private final ConsoleFormat fmt;
    private final Clock clock;

    WorkRows(WorkingCalendar calendar, Units units, Categories categories, ConsoleFormat fmt, Clock clock) {
        this.calendar = calendar;
        this.units = units;
        this.categories = categories;
        this.fmt = fmt;
        this.clock = clock;
    }

    /** The page's lines, each with the actions the viewer may take ({@code actions}, by order). */
    List<Row> of(WorkList list, Actor viewer, Map<OrderNumber, Map<OrderAction, Decision>> actions) {
        return list.items().stream().map(i -> row(i, viewer, actions.getOrDefault(i.order().number(), Map.of())))
                .toList();
    }

    Row row(WorkList.Item item, Actor viewer, Map<OrderAction, Decision> actions) {
        OrderSummary s = item.order();
        Instant now = clock.instant();
        // a unit's lists hold its own orders only: it is a handling unit of each
        boolean contact = WorkOrder.mayContact(viewer, s.citizen(), !viewer.isCenter());
        DueState state = DueState.valueOf(item.standing().name());
        return new Row(s.number().value(), s.status().name(), s.status().label(), s.urgency().isUrgent(),
                s.appealType().label(), category(s.categoryCode()), s.content(), s.address(),
                OrderViews.citizen(s.citizen(), contact), unitName(s.leadUnit()),
                s.leadUnit() == null ? null : s.leadUnit().value(), dueKey(item.due()), item.dueBy(), state,
                words(item, state, now), s.redoCount(), s.supervisionCount(), item.lastSupervisedAt(),
                item.part() == null ? null : item.part().acknowledgedAt(), actions);
    }

    private String words(WorkList.Item item, DueState state, Instant now) {
        Instant by = item.dueBy();
        if (by == null || state == DueState.PAUSED || state == DueState.DONE) {
            return null;
        }
        if (now.isAfter(by)) {
            return fmt.overdueBy(Duration.between(by, now));
        }
        if (item.order().urgency().isUrgent()) {
            return fmt.timeLeftElapsed(Duration.between(now, by));
        }
        return fmt.timeLeft(calendar.workingTimeBetween(now, by), calendar.workingDayLength());
    }

    private static String dueKey(WorkList.Due due) {
        return switch (due) {
            case ACKNOWLEDGE -> "order.clock.acknowledge";
            case HANDLE -> "order.clock.handle";
            case CO_UNIT_PART -> "order.co-unit.deadline";
        };
    }

    String unitName(UnitId id) {
        return id == null ? null : units.find(id).map(Unit::name).orElse(id.value());
    }

    private String category(String code) {
        return code == null ? null : categories.find(code).map(Category::name).orElse(code);
    }
}
