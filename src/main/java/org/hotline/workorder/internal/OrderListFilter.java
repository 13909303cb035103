package org.hotline.workorder.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotline.organization.UnitId;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.TimeParameters;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;

/**
 * The order list's filters as the address carries them, so that another page (the director's dashboard) links
 * to "the orders behind this number" with the same words: {@code status}, {@code running} (dispatched or in
 * progress: the clock runs), {@code q}, {@code overdue},
 * {@code atRisk}, {@code channel}, {@code type}, {@code category} (and below), {@code lead} (the lead unit, as the
 * statistics count), {@code unit} (lead or co-unit), {@code from}/{@code to} (registration days, both included),
 * and a callback's result: {@code satisfaction}, {@code resolved}, {@code calledFrom}/{@code calledTo}. A value
 * that cannot be read is bad input naming its parameter, as on the API.
 */
public record OrderListFilter(OrderStatus status, boolean running, String q, boolean overdue, boolean atRisk,
        Channel channel,
        AppealType type, String category, String lead, String unit, LocalDate from, LocalDate to,
        String satisfaction, Boolean resolved, LocalDate calledFrom, LocalDate calledTo) {

    static final OrderListFilter NONE = new OrderListFilter(null, false, null, false, false, null, null, null, null, null,
            null, null, null, null, null, null);

    static OrderListFilter of(Map<String, String> p) {
        String keyword = text(p.get("q"));
        if (keyword != null && keyword.length() > 100) {
            keyword = keyword.substring(0, 100);
        }
        String satisfaction = text(p.get("satisfaction"));
        if (satisfaction != null && !OrderQuery.Callback.RATINGS.contains(satisfaction)) {
            throw new InvalidInputException("satisfaction", "请从列表中选择");
        }
        LocalDate from = TimeParameters.date("from", p.get("from"));
        LocalDate to = TimeParameters.date("to", p.get("to"));
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("from", "开始日期 " + from + " 晚于结束日期 " + to);
        }
        return new OrderListFilter(choice(OrderStatus.class, p, "status"), flag(p.get("running")), keyword, flag(p.get("overdue")),
                flag(p.get("atRisk")), choice(Channel.class, p, "channel"), choice(AppealType.class, p, "type"),
                id("category", p.get("category")), id("lead", p.get("lead")), id("unit", p.get("unit")), from, to,
                satisfaction, yesNo(p.get("resolved")), TimeParameters.date("calledFrom", p.get("calledFrom")),
                TimeParameters.date("calledTo", p.get("calledTo")));
    }

    /** The search this filter asks for; {@code visibleTo} is the service's to set, from the viewer. */
    OrderQuery query(ZoneId zone, int page, int size) {
        OrderQuery.Callback callback = satisfaction == null && resolved == null && calledFrom == null
                && calledTo == null ? null
                        : new OrderQuery.Callback(satisfaction, resolved, start(calledFrom, zone), end(calledTo, zone));
        // 办理中 as the dashboard counts it: the orders whose handling clock runs
        Set<OrderStatus> statuses = status != null ? EnumSet.of(status)
                : running ? EnumSet.of(OrderStatus.DISPATCHED, OrderStatus.IN_PROGRESS) : Set.of();
        return new OrderQuery(statuses, unit == null ? null : new UnitId(unit), category, channel, type,
                start(from, zone), end(to, zone), overdue ? Boolean.TRUE : null, q, null, page, size)
                .with(lead == null ? null : new UnitId(lead), atRisk ? Boolean.TRUE : null, callback);
    }

    /** Whether any filter beyond the form's own (status, keyword, overdue) is set: the list says which. */
    public boolean narrowed() {
        return running || atRisk || channel != null || type != null || category != null || lead != null || unit != null
                || from != null || to != null || hasCallback();
    }

    public boolean hasCallback() {
        return satisfaction != null || resolved != null || calledFrom != null || calledTo != null;
    }

    /** The list's address with these filters and {@code page}, for the pager. */
    public String link(int page) {
        Map<String, String> p = params();
        if (page > 0) {
            p.put("page", Integer.toString(page));
        }
        return "/console/orders" + (p.isEmpty() ? "" : "?" + p.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    /** The filters as parameters, for the pager and for the form's hidden fields. */
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "status", status == null ? null : status.name());
        put(p, "running", running ? "true" : null);
        put(p, "q", q);
        put(p, "overdue", overdue ? "true" : null);
        put(p, "atRisk", atRisk ? "true" : null);
        put(p, "channel", channel == null ? null : channel.name());
        put(p, "type", type == null ? null : type.name());
        put(p, "category", category);
        put(p, "lead", lead);
        put(p, "unit", unit);
        put(p, "from", from == null ? null : from.toString());
        put(p, "to", to == null ? null : to.toString());
        put(p, "satisfaction", satisfaction);
        put(p, "resolved", resolved == null ? null : resolved.toString());
        put(p, "calledFrom", calledFrom == null ? null : calledFrom.toString());
        put(p, "calledTo", calledTo == null ? null : calledTo.toString());
        return p;
    }

    /** The parameters the list's form does not show as fields, carried along as hidden fields. */
    public Map<String, String> hidden() {
        Map<String, String> p = params();
        for (String shown : new String[] { "status", "q", "overdue", "atRisk", "channel", "lead", "from", "to" }) {
            p.remove(shown);
        }
        return p;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    private static java.time.Instant start(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    private static java.time.Instant end(LocalDate day, ZoneId zone) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static boolean flag(String value) {
        return "true".equals(text(value)) || "on".equals(text(value));
    }

    private static Boolean yesNo(String value) {
        String v = text(value);
        return v == null ? null : Boolean.valueOf("true".equals(v));
    }

    /** An id or a category code as the organisation writes them; anything else cannot match and is refused. */
    private static String id(String field, String value) {
        String v = text(value);
        if (v != null && !v.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidInputException(field, "请从列表中选择");
        }
        return v;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Map<String, String> p, String field) {
        String value = text(p.get(field));
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "请从列表中选择");
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
