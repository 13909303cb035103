package org.hotline.workorder.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotline.console.ConsoleFormat;
import org.hotline.console.DueState;
import org.hotline.deadline.Deadlines;
import org.hotline.deadline.WorkingCalendar;
import org.hotline.organization.Actor;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.workorder.CoUnit;
import org.hotline.workorder.Decision;
import org.hotline.workorder.HandlingClock;
import org.hotline.workorder.HistoryEntry;
import org.hotline.workorder.OrderAction;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.ReturnRequest;
import org.hotline.workorder.WorkOrder;

/**
 * The order page's view of one order, for one viewer at one moment: the same masking as the REST API (the
 * citizen, other units' internal notes), the clocks with their state in words, unit and category names instead
 * of codes, and the actions the viewer may take now as the order itself answers them.
 */
public record OrderPageView(String number, long version, OrderStatus status, String appealType, String channel,
        boolean urgent, String category, String content, String address, Instant registeredAt, String registeredBy,
        OrderViews.CitizenView citizen, String leadUnit, Instant dispatchedAt, Instant acknowledgedAt,
        List<ClockView> clocks, DueState due, List<CoUnitRow> coUnits, List<OrderViews.ReplyView> replies,
        ReturnInfo returnRequest, int extensionDaysUsed, int pendingExtensionDays, String pendingExtensionReason,
        int redoCount, int supervisionCount, String master, int mergedCount, String intakeAnswer,
        List<HistoryRow> history, List<Attachments.Stored> attachments, Map<OrderAction, Decision> actions) {

    /** One clock: what it is for, when it runs out, and where it stands in words and colour. */
    public record ClockView(String labelKey, Instant deadline, DueState state, String words) {
    }

    public record CoUnitRow(String unit, Instant deadline, DueState state, String stateKey, String words,
            Instant acknowledgedAt, Instant submittedAt, String contribution, String nonCooperationReason) {
    }

    public record ReturnInfo(Instant requestedAt, String reason, String suggestedUnit) {
    }

    /**
     * One line of the timeline. {@code kind} sets a line apart: "quality" for the quality loop's steps (review,
     * callback, the close they clear), "override" for the director's close outside the loop, "note" for a unit's
     * handling note (internal); null for the rest.
     * {@code late}: the step came after its deadline (the history's own fact, never read from its text).
     */
    public record HistoryRow(int seq, Instant at, String actionLabel, String actor, String roleKey, String unit,
            String from, String to, String reason, String detail, String kind, boolean late) {
    }

    /** Whether the viewer may take the action now. */
    public boolean may(String action) {
        return actions.get(OrderAction.valueOf(action)) instanceof Decision.Allowed;
    }

    /** Why the order refuses an action the viewer would otherwise have: shown instead of its form. */
    public String refusal(String action) {
        return actions.get(OrderAction.valueOf(action)) instanceof Decision.Rejected r ? r.reason() : null;
    }

    /** Whether any action at all is open to the viewer. */
    public boolean anyAction(Set<String> shown) {
        return shown.stream().anyMatch(a -> actions.containsKey(OrderAction.valueOf(a)));
    }

    /** Assembles the view; {@code now} is the moment the page is drawn. */
    static OrderPageView of(WorkOrder o, Actor viewer, Instant now, List<HistoryEntry> history,
            List<Attachments.Stored> attachments, Deadlines deadlines, WorkingCalendar calendar, Units units,
            Categories categories, ConsoleFormat fmt) {
        Names names = new Names(units);
        Clocks clocks = new Clocks(now, calendar, fmt, o.urgency().isUrgent());
        boolean unitViewer = !viewer.isCenter();
        List<ClockView> clockViews = clocks.of(o, deadlines);
        DueState due = clockViews.stream().filter(c -> c.labelKey().equals("order.clock.handle")).map(ClockView::state)
                .findFirst().orElse(DueState.DONE);
        return new OrderPageView(o.number().value(), o.version(), o.status(), o.appealType().label(),
                o.channel().label(), o.urgency().isUrgent(), category(o.categoryCode(), categories), o.content(),
                o.location().address(), o.registeredAt(), o.registeredBy(),
                OrderViews.citizen(o.citizen(), o.mayContactCitizen(viewer)), names.of(o.leadUnit()),
                o.clock().dispatchedAt(), o.clock().acknowledgedAt(), clockViews, due,
                o.coUnits().stream().map(c -> clocks.coUnit(c, names, deadlines)).toList(),
                o.replies().stream()
                        .map(r -> OrderViews.reply(r, unitViewer && !viewer.belongsTo(r.unit())))
                        .map(r -> new OrderViews.ReplyView(r.seq(), names.of(new UnitId(r.unit())), r.repliedBy(),
                                r.at(), r.outcome(), r.outcomeLabel(), r.publicReply(), r.actionsTaken(),
                                r.internalNote(), r.citizenContacted()))
                        .toList(),
                returnInfo(o.returnRequest(), names),
                o.extension().daysUsed(), o.extension().pendingDays(), o.extension().pendingReason(), o.redoCount(),
                o.supervision().count(), o.merge().master() == null ? null : o.merge().master().value(),
                o.merge().mergedCount(), o.intakeAnswer(),
                history.stream().map(h -> row(h, names)).toList(), attachments,
                o.actionsFor(viewer, now, deadlines));
    }

    private static ReturnInfo returnInfo(ReturnRequest r, Names names) {
        return r.wasMade() ? new ReturnInfo(r.requestedAt(), r.reason(), names.of(r.suggestedUnit())) : null;
    }

    private static String category(String code, Categories categories) {
        if (code == null) {
            return null;
        }
        return categories.find(code).map(Category::name).map(name -> name + "（" + code + "）").orElse(code);
    }

    private static HistoryRow row(HistoryEntry h, Names names) {
        return new HistoryRow(h.seq(), h.at(), h.action().label(),
                h.actorName() == null ? h.actor() : h.actorName(), "role." + h.actorRole(),
                h.actorUnit() == null ? null : names.of(new UnitId(h.actorUnit())),
                h.fromStatus() == null || h.fromStatus() == h.toStatus() ? null : h.fromStatus().label(),
                h.fromStatus() == h.toStatus() ? null : h.toStatus().label(), h.reason(), names.in(h.detail()),
                kind(h.action()), Boolean.TRUE.equals(h.late()));
    }

    private static String kind(OrderAction action) {
        return switch (action) {
            case REVIEW, CALLBACK, CLOSE -> "quality";
            case OVERRIDE_CLOSE -> "override";
            case NOTE -> "note";
            default -> null;
        };
    }

    /** Unit names for unit codes, in fields and inside the history's short texts ("主办：dcf-zhzfj"). */
    private static final class Names {

        private final Map<String, String> byId;
        private final List<String> idsLongestFirst;

        Names(Units units) {
            this.byId = units.all().stream().collect(Collectors.toMap(u -> u.id().value(), Unit::name, (a, b) -> a));
            this.idsLongestFirst = byId.keySet().stream()
                    .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }

        String of(UnitId id) {
            return id == null ? null : byId.getOrDefault(id.value(), id.value());
        }

        String in(String text) {
            if (text == null) {
                return null;
            }
            String named = text;
            for (String id : idsLongestFirst) {
                if (named.contains(id)) {
                    named = named.replace(id, byId.get(id));
                }
            }
            return named;
        }
    }

    /** Where each clock stands, in words: working time left for normal orders, elapsed time for urgent ones. */
    private record Clocks(Instant now, WorkingCalendar calendar, ConsoleFormat fmt, boolean urgent) {

        List<ClockView> of(WorkOrder o, Deadlines deadlines) {
            HandlingClock clock = o.clock();
            if (!clock.isStarted()) {
                return List.of();
            }
            boolean handling = OrderStatus.handling().contains(o.status());
            ClockView acknowledge = clock.acknowledgedAt() != null || !handling
                    ? new ClockView("order.clock.acknowledge", clock.acknowledgeDeadline(), DueState.DONE,
                            clock.acknowledgedAt() == null ? null : fmt.time(clock.acknowledgedAt()))
                    : running("order.clock.acknowledge", clock.acknowledgeDeadline(), o.isAcknowledgeOverdue(now),
                            false);
            ClockView handle;
            if (o.status() == OrderStatus.RETURN_REQUESTED) {
                handle = new ClockView("order.clock.handle", clock.handleDeadline(), DueState.PAUSED, null);
            } else if (!handling) {
                handle = new ClockView("order.clock.handle", clock.handleDeadline(), DueState.DONE,
                        o.repliedAt() == null ? null : fmt.time(o.repliedAt()));
            } else {
                handle = running("order.clock.handle", clock.handleDeadline(), o.isOverdue(now),
                        o.isAtRisk(now, deadlines));
            }
            if (o.returnRequest().wasMade() || !handling || o.status() == OrderStatus.RETURN_REQUESTED
                    || clock.returnRequestDeadline() == null) {
                return List.of(acknowledge, handle);
            }
            ClockView returnWindow = now.isAfter(clock.returnRequestDeadline())
                    ? new ClockView("order.clock.return", clock.returnRequestDeadline(), DueState.DONE, null)
                    : running("order.clock.return", clock.returnRequestDeadline(), false, false);
            return List.of(acknowledge, handle, returnWindow);
        }

        CoUnitRow coUnit(CoUnit c, Names names, Deadlines deadlines) {
            DueState state;
            String key;
            String words = null;
            if (c.isNonCooperating()) {
                state = DueState.OVERDUE;
                key = "order.co-unit.non-cooperating";
            } else if (c.hasSubmitted()) {
                state = DueState.DONE;
                key = "order.co-unit.submitted";
            } else if (c.missedDeadline(now)) {
                state = DueState.OVERDUE;
                key = "order.co-unit.overdue";
                words = fmt.overdueBy(Duration.between(c.deadline(), now));
            } else {
                state = c.isAtRisk(now, deadlines) ? DueState.AT_RISK : DueState.ON_TRACK;
                key = c.acknowledgedAt() == null ? "order.co-unit.waiting" : "order.co-unit.acknowledged";
                words = left(c.deadline());
            }
            return new CoUnitRow(names.of(c.unit()), c.deadline(), state, key, words, c.acknowledgedAt(),
                    c.submittedAt(), c.contribution(), c.nonCooperationReason());
        }

        private ClockView running(String key, Instant deadline, boolean overdue, boolean atRisk) {
            if (overdue) {
                return new ClockView(key, deadline, DueState.OVERDUE, fmt.overdueBy(Duration.between(deadline, now)));
            }
            return new ClockView(key, deadline, atRisk ? DueState.AT_RISK : DueState.ON_TRACK, left(deadline));
        }

        private String left(Instant deadline) {
            if (urgent) {
                return fmt.timeLeftElapsed(Duration.between(now, deadline));
            }
            return fmt.timeLeft(calendar.workingTimeBetween(now, deadline), calendar.workingDayLength());
        }
    }
}
