package org.hotline.open311.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline.organization.Unit;
import org.hotline.organization.Units;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.PublicCase;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET requests}, {@code GET requests/{id}} and {@code GET tokens/{token}}: Open311 requests as the public
 * may read them. Only requests filed through Open311 are listed (the citizens who called the hotline did not
 * publish their words), and of each only what its citizen may learn from the case lookup ({@link
 * WorkOrder#forCitizen()}): the stage or the public reply, the lead unit's name, the deadline. Nothing internal:
 * no notes, no staff, no citizen's name, phone or e-mail, and phone numbers written into the text are masked.
 */
@Component
class Open311Reading {

    static final int MAX_RESULTS = 1000;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    private static final int MAX_IDS = 1000;

    private final Open311Requests requests;
    private final WorkOrders orders;
    private final Units units;
    private final ServiceCatalog catalog;
    private final Open311Properties properties;
    private final Clock clock;

    Open311Reading(Open311Requests requests, WorkOrders orders, Units units, ServiceCatalog catalog,
            Open311Properties properties, Clock clock) {
        this.requests = requests;
        this.orders = orders;
        this.units = units;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    ZoneId zone() {
        return clock.getZone();
    }

    @Transactional(readOnly = true)
    List<Map<String, Object>> search(Map<String, String[]> query) {
        Open311Intake.checkJurisdiction(properties, Open311Intake.value(query, "jurisdiction_id"));
        String ids = Open311Intake.value(query, "service_request_id");
        if (ids != null) {
            // the specification: a list of ids overrides every other parameter
            Set<String> numbers = new LinkedHashSet<>();
            for (String id : ids.split(",")) {
                String n = id.strip();
                if (n.isEmpty()) {
                    continue;
                }
                if (!OrderNumber.isWellFormed(n)) {
                    throw Open311Error.badField("service_request_id", "「" + abbreviate(n) + "」不是有效的诉求编号");
                }
                numbers.add(n);
            }
            if (numbers.size() > MAX_IDS) {
                throw Open311Error.badField("service_request_id", "一次最多查询 " + MAX_IDS + " 个编号");
            }
            return views(requests.find(numbers));
        }
        Set<String> services = list(query, "service_code");
        Instant end = time(query, "end_date", false);
        Instant start = time(query, "start_date", true);
        if (end == null) {
            end = start == null ? clock.instant() : start.plus(DEFAULT_WINDOW);
        }
        if (start == null) {
            start = end.minus(DEFAULT_WINDOW);
        }
        if (start.isAfter(end)) {
            throw Open311Error.badField("start_date", "不能晚于 end_date");
        }
        Boolean open = null;
        Set<String> statuses = list(query, "status");
        for (String s : statuses) {
            if (!s.equals("open") && !s.equals("closed")) {
                throw Open311Error.badField("status", "只能是 open 或 closed（多个用逗号分隔）");
            }
        }
        if (statuses.size() == 1) {
            open = statuses.contains("open");
        }
        // end_date is inclusive in the specification: the requests filed up to and at that moment
        return views(requests.search(services, start, end.plusNanos(1), open, MAX_RESULTS));
    }

    @Transactional(readOnly = true)
    Map<String, Object> one(String id) {
        if (!OrderNumber.isWellFormed(id)) {
            throw Open311Error.notFound("service_request_id：诉求 " + abbreviate(id) + " 不存在");
        }
        List<Map<String, Object>> found = views(requests.find(List.of(id)));
        if (found.isEmpty()) {
            throw Open311Error.notFound("service_request_id：诉求 " + id + " 不存在");
        }
        return found.get(0);
    }

    @Transactional(readOnly = true)
    Map<String, Object> token(String token) {
        Open311Requests.Row row = (token.length() > 36 ? Optional.<Open311Requests.Row>empty()
                : requests.findByToken(token))
                .orElseThrow(() -> Open311Error.notFound("token：" + abbreviate(token) + " 不存在"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service_request_id", row.orderNumber());
        view.put("token", row.token());
        return view;
    }

    private List<Map<String, Object>> views(List<Open311Requests.Row> rows) {
        Map<String, Instant> changed = requests.lastChanged(rows.stream().map(Open311Requests.Row::orderNumber).toList());
        Map<String, ServiceCatalog.Service> services = catalog.services().stream()
                .collect(Collectors.toMap(ServiceCatalog.Service::code, Function.identity()));
        List<Map<String, Object>> views = new ArrayList<>(rows.size());
        for (Open311Requests.Row row : rows) {
            orders.find(new OrderNumber(row.orderNumber()))
                    .ifPresent(order -> views.add(view(order, row, changed.get(row.orderNumber()), services)));
        }
        return views;
    }

    private Map<String, Object> view(WorkOrder order, Open311Requests.Row row, Instant updated,
            Map<String, ServiceCatalog.Service> services) {
        ZoneId zone = clock.getZone();
        PublicCase seen = order.forCitizen();
        ServiceCatalog.Service service = services.get(row.serviceCode());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("service_request_id", row.orderNumber());
        v.put("status", order.status() == OrderStatus.CLOSED ? "closed" : "open");
        v.put("status_notes", Citizen.maskPhonesIn(notes(seen)));
        v.put("service_name", service == null ? row.serviceCode() : service.name());
        v.put("service_code", row.serviceCode());
        v.put("description", Citizen.maskPhonesIn(order.content().substring(0,
                Math.min(row.descriptionChars(), order.content().length()))));
        v.put("agency_responsible", order.leadUnit() == null ? null
                : units.find(order.leadUnit()).map(Unit::name).orElse(null));
        v.put("service_notice", properties.serviceNotice());
        v.put("requested_datetime", Open311Format.time(order.registeredAt(), zone));
        v.put("updated_datetime", Open311Format.time(updated == null ? order.registeredAt() : updated, zone));
        v.put("expected_datetime", Open311Format.time(seen.replyDueBy(), zone));
        v.put("address", order.location().address());
        v.put("address_id", row.addressId());
        v.put("zipcode", null);
        v.put("lat", order.location().latitude());
        v.put("long", order.location().longitude());
        v.put("media_url", row.mediaUrl());
        return v;
    }

    /** The public reply once there is one, else where the order stands, as the citizen's case lookup says it. */
    static String notes(PublicCase seen) {
        if (seen.publicReply() != null && !seen.publicReply().isBlank()) {
            return seen.publicReply();
        }
        return switch (seen.stage()) {
            case RECEIVED -> "已受理，正在分派承办单位";
            case HANDLING -> "承办单位办理中";
            case REPLIED -> "承办单位已答复，热线中心正在审核回访";
            case CLOSED -> "已办结";
            case MERGED -> "已与反映同一事项的诉求合并办理";
        };
    }

    private static Set<String> list(Map<String, String[]> query, String field) {
        String[] values = query.get(field);
        Set<String> all = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(all::add);
            }
        }
        return all;
    }

    /** A W3C datetime with its zone, or a date (its first moment, or for an end its last, in the hotline's zone). */
    private Instant time(Map<String, String[]> query, String field, boolean start) {
        String v = Open311Intake.value(query, field);
        if (v == null) {
            return null;
        }
        try {
            Instant at = v.length() == 10 ? (start ? LocalDate.parse(v).atStartOfDay(clock.getZone()).toInstant()
                    : LocalDate.parse(v).plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusNanos(1))
                    : OffsetDateTime.parse(v).toInstant();
            if (at.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || at.isAfter(Instant.parse("2100-01-01T00:00:00Z"))) {
                throw Open311Error.badField(field, "应在 2000 年到 2100 年之间");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw Open311Error.badField(field, "应为带时区的 W3C 时间，如 2026-12-06T10:00:00+08:00，或日期 2026-12-06");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
