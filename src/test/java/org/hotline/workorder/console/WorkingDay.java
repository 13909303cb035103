package org.hotline.workorder.console;

import static org.hotline.workorder.WorkOrderFixture.require;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.hotline.deadline.Deadlines;
import org.hotline.deadline.WorkingCalendar;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.ReplyOutcome;
import org.hotline.workorder.ReturnReason;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrders;
import org.hotline.workorder.internal.OrderNumbers;

/**
 * Orders made on the days before now, for the browser tests' screenshots to show a real working day: some late,
 * some nearly late, some fresh. Each order is built through the work order's own transitions at the moments given
 * (the services act at the application's clock, which is now) and stored as the aggregate wrote it, history
 * included. Units and users of a test's own are made by the admin through the API of the running application.
 */
public final class WorkingDay {

    public static final Actor OPERATOR = new Actor("operator1", "话务员一", Role.OPERATOR, null);
    public static final Actor DISPATCHER = new Actor("dispatcher1", "派单员一", Role.DISPATCHER, null);
    public static final Actor REVIEWER = new Actor("reviewer1", "审核员一", Role.REVIEWER, null);
    public static final Actor SUPERVISOR = new Actor("supervisor1", "督办员一", Role.SUPERVISOR, null);
    public static final String PASSWORD = "console-test-1";

    private final WorkOrders orders;
    private final OrderNumbers numbers;
    private final Deadlines deadlines;
    private final WorkingCalendar calendar;
    private final Clock clock;

    public WorkingDay(WorkOrders orders, OrderNumbers numbers, Deadlines deadlines, WorkingCalendar calendar, Clock clock) {
        this.orders = orders;
        this.numbers = numbers;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.clock = clock;
    }

    public static Actor handler(UnitId unit) {
        return new Actor(unit.value() + "-h", "承办人", Role.UNIT_HANDLER, unit);
    }

    // ---------------------------------------------------------------- moments before now

    public Instant now() {
        return clock.instant();
    }

    /** Long enough ago that the reply is overdue by days. */
    public Instant daysAgo(int days) {
        return now().minus(Duration.ofDays(days));
    }

    /** A moment from which an order's reply, dispatched then, has between {@code min} and {@code max} working time left now. */
    public Instant leaving(Duration min, Duration max) {
        Instant now = now();
        for (Instant t = now.minus(Duration.ofMinutes(30)); t.isAfter(now.minus(Duration.ofDays(20)));
                t = t.minus(Duration.ofMinutes(30))) {
            Instant due = deadlines.handleBy(t, false);
            if (due.isAfter(now)) {
                Duration left = calendar.workingTimeBetween(now, due);
                if (left.compareTo(min) >= 0 && left.compareTo(max) <= 0) {
                    return t;
                }
            }
        }
        throw new IllegalStateException("no dispatch time leaves " + min + " to " + max);
    }

    /** A moment from which the acknowledgement, dispatched then, is overdue now while the reply is not. */
    public Instant acknowledgementMissed() {
        Instant now = now();
        for (Instant t = now.minus(Duration.ofHours(1)); t.isAfter(now.minus(Duration.ofDays(10)));
                t = t.minus(Duration.ofMinutes(30))) {
            if (deadlines.acknowledgeBy(t, false).isBefore(now.minus(Duration.ofHours(2)))
                    && calendar.workingTimeBetween(now, deadlines.handleBy(t, false)).compareTo(Duration.ofHours(20)) > 0) {
                return t;
            }
        }
        throw new IllegalStateException("no dispatch time misses only the acknowledgement");
    }

    // ---------------------------------------------------------------- orders

    public WorkOrder dispatched(Instant at, UnitId lead, List<UnitId> coUnits, String content, String address,
            Citizen citizen, String category, Urgency urgency) {
        WorkOrder o = WorkOrder.register(numbers.next(LocalDate.ofInstant(at, clock.getZone())),
                new WorkOrder.Appeal(Channel.PHONE, AppealType.COMPLAINT, citizen, content,
                        new Location(address, null, null), category, urgency), OPERATOR, at);
        require(o.dispatch(lead, coUnits, category, null, DISPATCHER, at, deadlines));
        return o;
    }

    public WorkOrder acknowledged(WorkOrder o, Instant at) {
        require(o.acknowledge(handler(o.leadUnit()), at));
        return o;
    }

    public WorkOrder supervised(WorkOrder o, String reason, Instant at) {
        require(o.supervise(reason, SUPERVISOR, at));
        return o;
    }

    public WorkOrder redone(WorkOrder o, Instant repliedAt, Instant redoneAt) {
        require(o.reply(new WorkOrder.ReplyContent(ReplyOutcome.RESOLVED, "已安排人员处理。", null, null, true),
                handler(o.leadUnit()), repliedAt));
        require(o.redo("回访市民不满意：问题仍未解决", REVIEWER, redoneAt, deadlines));
        return o;
    }

    public WorkOrder returning(WorkOrder o, UnitId suggested, String why, Instant at) {
        require(o.requestReturn(ReturnReason.OUTSIDE_JURISDICTION, suggested, why, handler(o.leadUnit()), at,
                deadlines));
        return o;
    }

    public WorkOrder store(WorkOrder o) {
        orders.add(o);
        return o;
    }

    // ---------------------------------------------------------------- the admin's API

    /** A unit made by the admin (once: a second call for the same id changes nothing). */
    public static void unit(String baseUrl, String id, String name, String kind) {
        admin(baseUrl, "POST", "/api/v1/admin/units",
                "{\"id\":\"%s\",\"name\":\"%s\",\"kind\":\"%s\"}".formatted(id, name, kind));
    }

    /** A user made by the admin, with {@link #PASSWORD} (once). */
    public static void user(String baseUrl, String username, String name, String role, String unit) {
        admin(baseUrl, "POST", "/api/v1/admin/users", ("{\"username\":\"%s\",\"displayName\":\"%s\",\"password\":\"%s\","
                + "\"role\":\"%s\",\"unitId\":%s,\"enabled\":true}").formatted(username, name, PASSWORD, role,
                        unit == null ? "null" : "\"" + unit + "\""));
    }

    private static void admin(String baseUrl, String method, String path, String json) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("admin:demo123".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && response.statusCode() != 409) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
