package org.hotline.quality;

import java.time.Instant;
import java.util.List;

import org.hotline.deadline.WorkingCalendar;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.workorder.Decision;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrderFixture;

/** Reply checks and the people who work on them, on the real working-day calendar in Beijing time. */
public final class QualityFixture {

    public static final WorkingCalendar CALENDAR = WorkingCalendar.china(WorkOrderFixture.ZONE);
    public static final UnitId GULOU = WorkOrderFixture.GULOU;
    public static final CallbackRetries THREE_ATTEMPTS = new CallbackRetries(3, 1, CALENDAR);
    public static final RedoEscalation TWO_REDOS = new RedoEscalation(2);

    private static int sequence = 1;

    private QualityFixture() {
    }

    public static Instant at(String localDateTime) {
        return WorkOrderFixture.at(localDateTime);
    }

    public static Actor gulouLeader() {
        return new Actor("gulou-leader", "古楼街道负责人", Role.UNIT_LEADER, GULOU);
    }

    public static Actor reviewer() {
        return new Actor("reviewer1", "审核员一", Role.REVIEWER, null);
    }

    public static Actor secondReviewer() {
        return new Actor("reviewer2", "审核员二", Role.REVIEWER, null);
    }

    public static Actor director() {
        return new Actor("director1", "主任", Role.DIRECTOR, null);
    }

    public static Actor agent() {
        return new Actor("supervisor1", "督办员一", Role.SUPERVISOR, null);
    }

    /** A reply of 古楼街道 after {@code redoCount} redos, opened at {@code at}, waiting for the given levels. */
    public static ReplyCheck check(int redoCount, Instant at, CallbackPlan plan, ReviewLevel... levels) {
        OrderNumber number = OrderNumber.of(java.time.LocalDate.of(2026, 11, 30), 900_000 + sequence++);
        return ReplyCheck.open(number, redoCount + 1, GULOU, redoCount, at, List.of(levels), plan, at);
    }

    /** A reply already through review and waiting for its first callback at {@code at}. */
    public static ReplyCheck awaitingCallback(int redoCount, Instant at) {
        return check(redoCount, at, CallbackPlan.CALL);
    }

    public static void require(Decision d) {
        if (!d.isAllowed()) {
            throw new AssertionError("fixture step refused: " + d);
        }
    }
}
