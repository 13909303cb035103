package org.hotline.open311.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.platform.ConflictException;
import org.hotline.platform.InvalidInputException;
import org.hotline.workorder.AppealType;
import org.hotline.workorder.Channel;
import org.hotline.workorder.Citizen;
import org.hotline.workorder.Location;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.Urgency;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST requests}: checks the form as the specification lists its fields, then registers the request as an
 * ordinary work order on channel OPEN311 through the intake every channel uses ({@link WorkOrderService}), so
 * that it is numbered, dispatched by the AI, handled, reviewed and counted like any other. The request's own facts
 * (service, media, the citizen's contact details beyond name and phone) are written in the same transaction.
 *
 * <p>The AI classifies every request from its text: a general service leaves it nothing else, and a specific one is
 * the citizen's hint, not a verdict, so it is not given to the dispatcher as the order's category (an operator's
 * category that the model disputes sends an order to a person; a citizen's would send every mistaken choice there).
 * Whether the AI's dispatch agreed with the hint is recorded with the request ({@code hint_agrees}).
 *
 * <p>A retry is safe where the client sends its own id for the request: the {@code Idempotency-Key} header, or
 * FixMyStreet's {@code attribute[fixmystreet_id]}; the same key and id give the same request, once.
 */
@Component
class Open311Intake {

    /** What a client's own request id may be, to serve as an idempotency key. */
    private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7E]{1,100}");
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]*)\\](\\[\\])?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final int MAX_CONTENT = 4000;
    private static final int MAX_NAME = 50;

    /** The fields of the specification, each sent at most once; attribute[...] may repeat. */
    private static final List<String> FIELDS = List.of("api_key", "jurisdiction_id", "service_code", "lat", "long",
            "address_string", "address_id", "email", "device_id", "account_id", "first_name", "last_name", "phone",
            "description", "media_url");

    record Filed(String serviceRequestId, String token, String accountId, boolean replayed) {
    }

    private final WorkOrderService orders;
    private final ServiceCatalog catalog;
    private final ApiKeys keys;
    private final Open311Requests requests;
    private final Open311Properties properties;
    private final ObjectMapper json = new ObjectMapper();

    Open311Intake(WorkOrderService orders, ServiceCatalog catalog, ApiKeys keys, Open311Requests requests,
            Open311Properties properties) {
        this.orders = orders;
        this.catalog = catalog;
        this.keys = keys;
        this.requests = requests;
        this.properties = properties;
    }

    Filed file(Map<String, String[]> form, String idempotencyHeader) {
        for (String field : FIELDS) {
            String[] values = form.get(field);
            if (values != null && values.length > 1) {
                throw Open311Error.badField(field, "只能填写一次");
            }
        }
        form.forEach((field, values) -> {
            for (String v : values) {
                // Tomcat decodes a form body's bytes that are not UTF-8 into U+FFFD without a word: refused, so that
                // what a citizen wrote is kept as written or not at all
                if (v != null && v.indexOf('\uFFFD') >= 0) {
                    throw Open311Error.badField(field, "不是有效的 UTF-8 文本");
                }
            }
        });
        ApiKeys.ApiKey key = keys.authenticate(value(form, "api_key"))
                .orElseThrow(() -> Open311Error.forbidden(value(form, "api_key") == null
                        ? "api_key：未提供，提交诉求必须提供 api_key"
                        : "api_key：无效或已停用，请向 12345 热线系统管理员申请"));
        checkJurisdiction(properties, value(form, "jurisdiction_id"));
        if (!keys.admit(key)) {
            throw Open311Error.tooMany("api_key：提交过于频繁，此密钥每分钟最多提交 " + key.ratePerMinute() + " 件，请稍后重试");
        }

        String serviceCode = value(form, "service_code");
        if (serviceCode == null) {
            throw Open311Error.badField("service_code", "必须填写");
        }
        ServiceCatalog.Service service = catalog.find(serviceCode)
                .orElseThrow(() -> Open311Error.badField("service_code", "服务代码 " + serviceCode + " 不存在"));

        Double lat = coordinate(form, "lat", 90);
        Double lon = coordinate(form, "long", 180);
        if ((lat == null) != (lon == null)) {
            throw Open311Error.badField(lat == null ? "lat" : "long", "经纬度 lat 和 long 必须同时填写");
        }
        String addressString = limited(form, "address_string", 200);
        String addressId = limited(form, "address_id", 100);
        if (lat == null && addressString == null && addressId == null) {
            throw Open311Error.badField("lat", "必须提供位置：lat 和 long，或 address_string，或 address_id");
        }
        String email = limited(form, "email", 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw Open311Error.badField("email", "不是有效的电子邮件地址");
        }
        String deviceId = limited(form, "device_id", 100);
        String accountId = limited(form, "account_id", 100);
        String phone = value(form, "phone");
        String normalisedPhone = null;
        if (phone != null) {
            normalisedPhone = Citizen.normalisePhone(phone)
                    .orElseThrow(() -> Open311Error.badField("phone", "不是有效的手机号或固定电话"));
        }
        String name = name(value(form, "first_name"), value(form, "last_name"));
        String mediaUrl = mediaUrl(value(form, "media_url"));
        String description = value(form, "description");
        List<String> facts = new ArrayList<>();
        Map<String, List<String>> attributes = attributes(form, service, facts);

        StringBuilder content = new StringBuilder(description == null ? "" : description);
        if (description == null) {
            // a 12345 order is its text: without one, the service the citizen chose is what there is to read
            content.append("（市民未填写描述）").append(service.name());
        }
        if (!facts.isEmpty() || mediaUrl != null) {
            content.append("\n\n【补充信息】");
            facts.forEach(f -> content.append('\n').append(f));
            if (mediaUrl != null) {
                content.append("\n照片：").append(mediaUrl);
            }
        }
        if (content.length() > MAX_CONTENT) {
            throw Open311Error.badField("description", "描述和补充信息合计不能超过 " + MAX_CONTENT + " 个字符");
        }
        int descriptionChars = description == null ? 0 : description.length();
        String address = addressString != null ? addressString : addressId != null ? "地址编号 " + addressId : null;
        WorkOrder.Appeal appeal = new WorkOrder.Appeal(Channel.OPEN311, appealType(service),
                new Citizen(name, normalisedPhone, false), content.toString(), new Location(address, lat, lon), null,
                Urgency.NORMAL);

        String attributesJson = toJson(attributes);
        String clientId = clientId(idempotencyHeader, attributes);
        String fingerprint = clientId == null ? null : fingerprint(form);
        Actor actor = actorFor(key);
        String token = UUID.randomUUID().toString();
        WorkOrderService.Intake intake;
        try {
            intake = orders.register(appeal, null, actor, clientId, fingerprint, order -> {
                String dispatched = order.status() == OrderStatus.REGISTERED ? null : order.categoryCode();
                Boolean agrees = service.hintCategory() == null || dispatched == null ? null
                        : dispatched.equals(service.hintCategory())
                                || dispatched.startsWith(service.hintCategory() + ".");
                requests.add(new Open311Requests.Row(order.number().value(), token, key.id(), service.code(),
                        order.registeredAt(), descriptionChars, mediaUrl, addressId, email, deviceId, accountId,
                        attributesJson, service.hintCategory(), dispatched, agrees));
            });
        } catch (ConflictException sameIdOtherRequest) {
            throw Open311Error.badField(idempotencyHeader != null ? "Idempotency-Key" : "attribute[fixmystreet_id]",
                    "此编号已用于另一个内容不同的诉求");
        } catch (InvalidInputException e) {
            throw Open311Error.badField(e.field(), e.getMessage());
        }
        String number = intake.order().number().value();
        // a retry gets the token the first call stored; a new request has the one made here
        String storedToken = !intake.replayed() ? token
                : requests.find(number).map(Open311Requests.Row::token).orElse(token);
        return new Filed(number, storedToken, accountId, intake.replayed());
    }

    /** The client application a key belongs to, acting as an intake desk: the history names it. */
    static Actor actorFor(ApiKeys.ApiKey key) {
        return new Actor("open311:" + key.id(), "Open311：" + key.name(), Role.OPERATOR, null);
    }

    static void checkJurisdiction(Open311Properties properties, String jurisdictionId) {
        if (jurisdictionId != null && properties.jurisdictionId() != null
                && !properties.jurisdictionId().equals(jurisdictionId)) {
            throw Open311Error.notFound("jurisdiction_id：" + jurisdictionId + " 不是本系统服务的辖区");
        }
    }

    /** A form field's value, null when it is absent or blank. */
    static String value(Map<String, String[]> form, String field) {
        String[] values = form.get(field);
        if (values == null || values.length == 0 || values[0] == null || values[0].isBlank()) {
            return null;
        }
        return values[0].strip();
    }

    private static String limited(Map<String, String[]> form, String field, int max) {
        String v = value(form, field);
        if (v != null && v.length() > max) {
            throw Open311Error.badField(field, "不能超过 " + max + " 个字符");
        }
        return v;
    }

    private static Double coordinate(Map<String, String[]> form, String field, double bound) {
        String v = value(form, field);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d) || Math.abs(d) > bound || v.length() > 30) {
                throw Open311Error.badField(field, "应在 -" + (int) bound + " 到 " + (int) bound + " 之间");
            }
            return d;
        } catch (NumberFormatException e) {
            throw Open311Error.badField(field, "不是有效的数字");
        }
    }

    /**
     * The citizen's name from the two fields: a Chinese name comes whole in either (FixMyStreet puts it in
     * first_name and leaves last_name empty), and with both given a Chinese name is family name first.
     */
    static String name(String first, String last) {
        String name;
        if (first == null || last == null) {
            name = first != null ? first : last;
        } else if (isChinese(first) && isChinese(last)) {
            name = last + first;
        } else {
            name = first + " " + last;
        }
        if (name != null && name.length() > MAX_NAME) {
            throw Open311Error.badField(first != null ? "first_name" : "last_name",
                    "姓名不能超过 " + MAX_NAME + " 个字符");
        }
        return name;
    }

    private static boolean isChinese(String s) {
        return s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String mediaUrl(String url) {
        if (url == null) {
            return null;
        }
        if (url.length() > 2000) {
            throw Open311Error.badField("media_url", "不能超过 2000 个字符");
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                throw Open311Error.badField("media_url", "应为 http 或 https 开头的网址");
            }
            return url;
        } catch (java.net.URISyntaxException e) {
            throw Open311Error.badField("media_url", "不是有效的网址");
        }
    }

    /**
     * The attribute[...] answers by code, each checked against the service definition: required ones present, a
     * list's answers among its keys (a multivaluelist as repeated keys, or attribute[code][]), numbers and
     * datetimes readable. Codes the definition does not know (a client's own, such as FixMyStreet's
     * fixmystreet_id) are kept with the request but not shown to the unit. {@code facts} gets the answers to the
     * definition's attributes as the unit reads them.
     */
    private static Map<String, List<String>> attributes(Map<String, String[]> form, ServiceCatalog.Service service,
            List<String> facts) {
        Map<String, List<String>> answers = new TreeMap<>();
        for (Map.Entry<String, String[]> e : form.entrySet()) {
            if (!e.getKey().startsWith("attribute")) {
                continue;
            }
            Matcher m = ATTRIBUTE.matcher(e.getKey());
            if (!m.matches() || !ExtraFacts.CODE.matcher(m.group(1)).matches()) {
                throw Open311Error.badField(e.getKey(), "属性应写作 attribute[代码]，代码只能含英文字母、数字和 _ . -");
            }
            List<String> values = answers.computeIfAbsent(m.group(1), k -> new ArrayList<>());
            for (String v : e.getValue()) {
                if (v != null && !v.isBlank()) {
                    values.add(v.strip());
                }
            }
        }
        answers.values().removeIf(List::isEmpty);
        for (ExtraFacts.Attribute a : service.attributes()) {
            String field = "attribute[" + a.code() + "]";
            List<String> given = answers.getOrDefault(a.code(), List.of());
            if (given.isEmpty()) {
                if (a.required()) {
                    throw Open311Error.badField(field, "必须填写（" + a.description() + "）");
                }
                continue;
            }
            if (!a.datatype().equals("multivaluelist") && given.size() > 1) {
                throw Open311Error.badField(field, "只能填写一个值");
            }
            List<String> shown = new ArrayList<>();
            for (String v : given) {
                switch (a.datatype()) {
                    case "singlevaluelist", "multivaluelist" -> {
                        if (a.values().stream().noneMatch(c -> c.key().equals(v))) {
                            throw Open311Error.badField(field, "「" + abbreviate(v) + "」不是可选的值");
                        }
                        shown.add(a.nameOf(v));
                    }
                    case "number" -> {
                        try {
                            if (v.length() > 30) {
                                throw new NumberFormatException();
                            }
                            new BigDecimal(v);
                        } catch (NumberFormatException notANumber) {
                            throw Open311Error.badField(field, "不是有效的数字");
                        }
                        shown.add(v);
                    }
                    case "datetime" -> {
                        try {
                            OffsetDateTime.parse(v);
                        } catch (DateTimeParseException notATime) {
                            throw Open311Error.badField(field, "应为带时区的时间，如 2026-12-06T10:00:00+08:00");
                        }
                        shown.add(v);
                    }
                    default -> {
                        int max = a.datatype().equals("text") ? 2000 : 200;
                        if (v.length() > max) {
                            throw Open311Error.badField(field, "不能超过 " + max + " 个字符");
                        }
                        shown.add(v);
                    }
                }
            }
            facts.add(a.description() + "：" + String.join("、", shown));
        }
        return answers;
    }

    private static String clientId(String header, Map<String, List<String>> attributes) {
        String id = header;
        String field = "Idempotency-Key";
        if (id == null && attributes.containsKey("fixmystreet_id")) {
            id = attributes.get("fixmystreet_id").get(0);
            field = "attribute[fixmystreet_id]";
        }
        if (id != null && !CLIENT_ID.matcher(id).matches()) {
            throw Open311Error.badField(field, "应为 1 到 100 个可见的 ASCII 字符");
        }
        return id;
    }

    /** The request as sent, apart from the key: a retry must send the same. */
    private static String fingerprint(Map<String, String[]> form) {
        Map<String, List<String>> sorted = new TreeMap<>();
        form.forEach((k, v) -> {
            if (!k.equals("api_key")) {
                sorted.put(k, List.of(v));
            }
        });
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sorted.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AppealType appealType(ServiceCatalog.Service service) {
        String name = service.name();
        return name.contains("咨询") ? AppealType.INQUIRY
                : name.contains("建议") ? AppealType.SUGGESTION
                        : name.contains("举报") ? AppealType.REPORT
                                : name.contains("投诉") ? AppealType.COMPLAINT : AppealType.HELP_REQUEST;
    }

    private String toJson(Map<String, List<String>> attributes) {
        try {
            String s = json.writeValueAsString(new LinkedHashMap<>(attributes));
            if (s.length() > 4000) {
                throw Open311Error.badRequest("attribute：属性内容合计过长（不能超过 4000 个字符）");
            }
            return s;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
