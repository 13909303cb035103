package org.hotline.workorder.internal;

import java.time.Instant;
import java.util.List;

import org.hotline.deadline.Deadlines;
import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.EmergencyService;
import org.hotline.workorder.IntakeTriage;
import org.hotline.workorder.InvalidReason;
import org.hotline.workorder.ProperRoute;
import org.hotline.workorder.TriageOutcome;
import org.hotline.workorder.CoUnit;
import org.hotline.workorder.HistoryEntry;
import org.hotline.workorder.OrderPage;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.Reply;
import org.hotline.workorder.ReturnRequest;
import org.hotline.workorder.WorkOrder;

/**
 * What the REST API shows of an order: its own records, never the aggregate, with the citizen's identity
 * masked for every viewer who does not need to contact them, and the derived flags (overdue, at risk)
 * computed for the moment of the request.
 */
final class OrderViews {

    private OrderViews() {
    }

    record CitizenView(String name, String phone, boolean confidential) {
    }

    record LocationView(String address, Double latitude, Double longitude) {
    }

    record CoUnitView(String unit, Instant addedAt, Instant deadline, Instant acknowledgedAt, Instant submittedAt,
            String contribution, Instant nonCooperationAt, String nonCooperationReason) {
    }

    record ReplyView(int seq, String unit, String repliedBy, Instant at, String outcome, String outcomeLabel,
            String publicReply, String actionsTaken, String internalNote, boolean citizenContacted) {
    }

    record DeadlinesView(Instant acknowledgeBy, Instant handleBy, Instant returnRequestBy, boolean acknowledgeOverdue,
            boolean overdue, boolean atRisk) {
    }

    record ReturnView(Instant requestedAt, String reason, String suggestedUnit, int returnsRequested) {
    }

    record ExtensionView(int daysUsed, int pendingDays, String pendingReason) {
    }

    record OrderView(String number, long version, String status, String statusLabel, String channel,
            String appealType, String urgency, CitizenView citizen, String content, LocationView location,
            String categoryCode, String leadUnit, List<CoUnitView> coUnits, Instant registeredAt,
            String registeredBy, String intakeAnswer, Instant dispatchedAt, Instant acknowledgedAt,
            DeadlinesView deadlines, ReturnView returnRequest, ExtensionView extension, int redoCount,
            int supervisionCount, Instant lastSupervisedAt, String master, int mergedCount, Instant repliedAt,
            Instant closedAt, List<ReplyView> replies, IntakeOutcomeView intakeOutcome, TriageView triage) {
    }

    /**
     * What an order became at intake when it never went to a unit: answered (KNOWLEDGE, with the knowledge entry),
     * referred (EMERGENCY, e.g. "119 消防救援"), redirected (OTHER_CHANNEL) or INVALID; null on the normal path.
     */
    record IntakeOutcomeView(String outcome, String outcomeLabel, String route, String routeLabel) {
    }

    /**
     * Triage (分流) of the order, for the center: what was advised when it was registered, and what a person decided
     * (decision null with awaitingDecision: held for a person, not dispatched automatically).
     */
    record TriageView(IntakeTriage.Advice advice, Instant advisedAt, String decision, String decisionLabel,
            String decisionRoute, String decidedBy, Instant decidedAt, boolean awaitingDecision) {
    }

    record SummaryView(String number, String status, String statusLabel, String channel, String appealType,
            String urgency, String categoryCode, String leadUnit, CitizenView citizen, String content,
            String address, Instant registeredAt, Instant handleBy, boolean overdue, int redoCount,
            int supervisionCount) {
    }

    record PageView(List<SummaryView> items, int page, int size, long total) {
    }

    record HistoryView(int seq, Instant at, String actor, String actorName, String actorRole, String actorUnit,
            String action, String actionLabel, String fromStatus, String toStatus, String reason, String detail) {
    }

    static OrderView of(WorkOrder o, Actor viewer, Instant now, Deadlines deadlines) {
        return of(o, viewer, now, deadlines, null);
    }

    static OrderView of(WorkOrder o, Actor viewer, Instant now, Deadlines deadlines, IntakeTriage.Recorded triage) {
        boolean unitViewer = !viewer.isCenter();
        return new OrderView(o.number().value(), o.version(), o.status().name(), o.status().label(),
                o.channel().name(), o.appealType().name(), o.urgency().name(),
                citizen(o.citizen(), o.mayContactCitizen(viewer)), o.content(),
                new LocationView(o.location().address(), o.location().latitude(), o.location().longitude()),
                o.categoryCode(), id(o.leadUnit()),
                o.coUnits().stream().map(OrderViews::coUnit).toList(), o.registeredAt(), o.registeredBy(),
                o.intakeAnswer(), o.clock().dispatchedAt(), o.clock().acknowledgedAt(),
                new DeadlinesView(o.clock().acknowledgeDeadline(), o.clock().handleDeadline(),
                        o.clock().returnRequestDeadline(), o.isAcknowledgeOverdue(now), o.isOverdue(now),
                        o.isAtRisk(now, deadlines)),
                returnView(o.returnRequest()),
                new ExtensionView(o.extension().daysUsed(), o.extension().pendingDays(),
                        o.extension().pendingReason()),
                o.redoCount(), o.supervision().count(), o.supervision().lastAt(),
                o.merge().master() == null ? null : o.merge().master().value(), o.merge().mergedCount(),
                o.repliedAt(), o.closedAt(),
                o.replies().stream().map(r -> reply(r, unitViewer && !viewer.belongsTo(r.unit()))).toList(),
                intakeOutcome(o), triage == null || unitViewer ? null : triage(triage));
    }

    private static IntakeOutcomeView intakeOutcome(WorkOrder o) {
        TriageOutcome outcome = o.intakeOutcome();
        if (outcome == null) {
            return null;
        }
        return new IntakeOutcomeView(outcome.name(), outcome.label(), o.intakeRoute(),
                routeLabel(outcome, o.intakeRoute()));
    }

    /** "119 消防救援", "诉讼（人民法院）", "无声电话"; the knowledge entry as it is. */
    static String routeLabel(TriageOutcome outcome, String route) {
        if (route == null) {
            return null;
        }
        try {
            return switch (outcome) {
                case EMERGENCY -> EmergencyService.valueOf(route).number() + " " + EmergencyService.valueOf(route).label();
                case OTHER_CHANNEL -> ProperRoute.valueOf(route).label() + "（" + ProperRoute.valueOf(route).body() + "）";
                case INVALID -> InvalidReason.valueOf(route).label();
                case KNOWLEDGE, DISPATCH -> route;
            };
        } catch (IllegalArgumentException storedBeforeARename) {
            return route;
        }
    }

    private static TriageView triage(IntakeTriage.Recorded t) {
        TriageOutcome decided = t.decided();
        return new TriageView(t.advice(), t.advisedAt(), decided == null ? null : decided.name(),
                decided == null ? null : decided.label(), decided == null ? null : routeLabel(decided, t.decidedRoute()),
                t.decidedBy(), t.decidedAt(), decided == null);
    }

    private static ReturnView returnView(ReturnRequest r) {
        return r.wasMade() ? new ReturnView(r.requestedAt(), r.reason(), id(r.suggestedUnit()), r.count()) : null;
    }

    static PageView of(OrderPage page, Actor viewer) {
        return new PageView(page.items().stream().map(s -> summary(s, viewer)).toList(), page.page(), page.size(),
                page.total());
    }

    private static SummaryView summary(OrderSummary s, Actor viewer) {
        // A unit's list holds only orders where it is lead or co-unit (the search is scoped to it).
        boolean contact = WorkOrder.mayContact(viewer, s.citizen(), !viewer.isCenter());
        return new SummaryView(s.number().value(), s.status().name(), s.status().label(), s.channel().name(),
                s.appealType().name(), s.urgency().name(), s.categoryCode(), id(s.leadUnit()),
                citizen(s.citizen(), contact), s.content(), s.address(), s.registeredAt(), s.handleDeadline(),
                s.overdue(), s.redoCount(), s.supervisionCount());
    }

    static HistoryView history(HistoryEntry h) {
        return new HistoryView(h.seq(), h.at(), h.actor(), h.actorName(), h.actorRole(), h.actorUnit(),
                h.action().name(), h.action().label(), h.fromStatus() == null ? null : h.fromStatus().name(),
                h.toStatus().name(), h.reason(), h.detail());
    }

    static CitizenView citizen(Citizen c, boolean mayContact) {
        if (mayContact) {
            return new CitizenView(c.name(), c.phone(), c.confidential());
        }
        return new CitizenView(c.confidential() ? "保密" : c.maskedName(), c.maskedPhone(), c.confidential());
    }

    private static CoUnitView coUnit(CoUnit c) {
        return new CoUnitView(c.unit().value(), c.addedAt(), c.deadline(), c.acknowledgedAt(), c.submittedAt(),
                c.contribution(), c.nonCooperationAt(), c.nonCooperationReason());
    }

    /** Internal notes stay with the center and the unit that wrote them. */
    static ReplyView reply(Reply r, boolean hideInternal) {
        return new ReplyView(r.seq(), r.unit().value(), r.repliedBy(), r.at(), r.outcome().name(),
                r.outcome().label(), r.publicReply(), r.actionsTaken(), hideInternal ? null : r.internalNote(),
                r.citizenContacted());
    }

    private static String id(UnitId unit) {
        return unit == null ? null : unit.value();
    }
}
