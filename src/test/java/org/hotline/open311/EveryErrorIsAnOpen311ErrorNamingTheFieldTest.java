package org.hotline.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.open311.Open311Http.children;
import static org.hotline.open311.Open311Http.json;
import static org.hotline.open311.Open311Http.text;
import static org.hotline.open311.Open311Http.xml;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every error of the specification's list, in XML and in JSON: 400 naming the field that is missing or wrong, 403
 * for a missing, unknown or revoked api_key, 404 for what does not exist, and the methods and rates the server
 * refuses. Each answer is the specification's error list with the status as its code, described in Chinese, and
 * writes nothing.
 */
@Open311ServerTest
class EveryErrorIsAnOpen311ErrorNamingTheFieldTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Open311Http client;
    static String key;
    static String revoked;

    record Case(String name, String method, String path, String[] form, int status, String field) {
    }

    @BeforeEach
    void keys() throws Exception {
        client = new Open311Http(port);
        if (key == null) {
            key = client.issueKey("错误用例客户端", null);
            revoked = client.issueKey("已停用的客户端", null);
            long id = json(client.admin("GET", "/api/v1/admin/open311/keys", null)).findParents("name").stream()
                    .filter(k -> k.path("name").asText().equals("已停用的客户端")).findFirst().orElseThrow()
                    .path("id").asLong();
            assertThat(client.admin("POST", "/api/v1/admin/open311/keys/" + id + "/revoke", null).status())
                    .isEqualTo(200);
        }
    }

    private static String[] valid(String... overrides) {
        List<String> form = new ArrayList<>(List.of("api_key", "%KEY%", "service_code", "09.05.01", "lat", "36.45",
                "long", "115.98", "description", "路灯不亮"));
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            int at = form.indexOf(overrides[i]);
            if (at >= 0 && at % 2 == 0) {
                if (overrides[i + 1] == null) {
                    form.remove(at);
                    form.remove(at);
                } else {
                    form.set(at + 1, overrides[i + 1]);
                }
            } else {
                form.add(overrides[i]);
                form.add(overrides[i + 1]);
            }
        }
        return form.toArray(String[]::new);
    }

    private static String[] append(String[] form, String... more) {
        List<String> all = new ArrayList<>(List.of(form));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("no api_key", "POST", "requests", valid("api_key", null), 403, "api_key"));
        c.add(new Case("an unknown api_key", "POST", "requests", valid("api_key", "not-a-key"), 403, "api_key"));
        c.add(new Case("a revoked api_key", "POST", "requests", valid("api_key", "%REVOKED%"), 403, "api_key"));
        c.add(new Case("no service_code", "POST", "requests", valid("service_code", null), 400, "service_code"));
        c.add(new Case("an unknown service_code", "POST", "requests", valid("service_code", "99.99.99"), 400,
                "service_code"));
        c.add(new Case("no location at all", "POST", "requests", valid("lat", null, "long", null), 400, "lat"));
        c.add(new Case("lat without long", "POST", "requests", valid("long", null), 400, "long"));
        c.add(new Case("a lat that is no number", "POST", "requests", valid("lat", "北纬"), 400, "lat"));
        c.add(new Case("a long beyond 180", "POST", "requests", valid("long", "181"), 400, "long"));
        c.add(new Case("a phone that is no phone", "POST", "requests", valid("phone", "12345"), 400, "phone"));
        c.add(new Case("an email without @", "POST", "requests", valid("email", "citizen"), 400, "email"));
        c.add(new Case("a media_url that is no web address", "POST", "requests", valid("media_url", "file:///etc/passwd"),
                400, "media_url"));
        c.add(new Case("a description over 4,000 characters", "POST", "requests", valid("description", "灯".repeat(4001)),
                400, "description"));
        c.add(new Case("a first_name over 50 characters", "POST", "requests", valid("first_name", "名".repeat(51)), 400,
                "first_name"));
        c.add(new Case("a field sent twice", "POST", "requests", append(valid(), "description", "二"), 400,
                "description"));
        c.add(new Case("an attribute code that is not ASCII", "POST", "requests", valid("attribute[数量]", "3"), 400,
                "attribute[数量]"));
        c.add(new Case("a required attribute left out", "POST", "requests", valid("service_code", "10.04.01"), 400,
                "attribute[blocked_by]"));
        c.add(new Case("a list attribute with a value not offered", "POST", "requests",
                valid("service_code", "10.04.01", "attribute[blocked_by]", "tank"), 400, "attribute[blocked_by]"));
        c.add(new Case("a number attribute that is no number", "POST", "requests",
                valid("attribute[lamp_count]", "三盏"), 400, "attribute[lamp_count]"));
        c.add(new Case("two values for a single-valued attribute", "POST", "requests",
                append(valid("service_code", "01.02.01", "attribute[construction_hours]", "night"),
                        "attribute[construction_hours]", "evening"), 400, "attribute[construction_hours]"));
        c.add(new Case("a datetime attribute without its zone", "POST", "requests",
                valid("service_code", "09.01.01", "attribute[first_seen]", "2026-12-01 08:00"), 400,
                "attribute[first_seen]"));
        c.add(new Case("a NUL in a field", "POST", "requests", valid("description", "路灯\u0000不亮"), 400,
                "description"));
        c.add(new Case("a start_date that is no date", "GET", "requests?start_date=yesterday", null, 400, "start_date"));
        c.add(new Case("a start_date without its zone", "GET", "requests?start_date=2026-12-01T08:00:00", null, 400,
                "start_date"));
        c.add(new Case("a start_date after the end_date", "GET",
                "requests?start_date=2026-12-05T00:00:00%2B08:00&end_date=2026-12-01T00:00:00%2B08:00", null, 400,
                "start_date"));
        c.add(new Case("a status that is neither open nor closed", "GET", "requests?status=pending", null, 400,
                "status"));
        c.add(new Case("a service_request_id that is no id", "GET", "requests?service_request_id=abc", null, 400,
                "service_request_id"));
        c.add(new Case("an unknown service definition", "GET", "services/99.99.99", null, 404, "service_code"));
        c.add(new Case("an unknown request", "GET", "requests/20000101-000001", null, 404, "service_request_id"));
        c.add(new Case("a request id that is no id", "GET", "requests/0", null, 404, "service_request_id"));
        c.add(new Case("an unknown token", "GET", "tokens/no-such-token", null, 404, "token"));
        c.add(new Case("an unknown resource", "GET", "nothing", null, 404, null));
        c.add(new Case("a method a resource does not take", "DELETE", "services", null, 405, null));
        c.add(new Case("a POST of a read-only resource", "POST", "services", new String[0], 405, null));
        return c;
    }

    @TestFactory
    List<DynamicTest> everyErrorIsListedInXmlAndJsonAndWritesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            for (String format : List.of("xml", "json")) {
                tests.add(DynamicTest.dynamicTest(c.name() + " (" + format + ")", () -> check(c, format)));
            }
        }
        tests.add(DynamicTest.dynamicTest("a path outside v2", () -> {
            RawHttp.Response r = client.get("/open311/v3/services.xml");
            assertThat(r.status()).isEqualTo(404);
            assertThat(xml(r).getDocumentElement().getTagName()).isEqualTo("errors");
        }));
        return tests;
    }

    void check(Case c, String format) throws Exception {
        Long ordersBefore = jdbc.queryForObject("SELECT COUNT(*) FROM work_order", Long.class);
        Long requestsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM open311_request", Long.class);
        String path = "/open311/v2/" + (c.path().contains("?") ? c.path().replace("?", "." + format + "?")
                : c.path() + "." + format);
        RawHttp.Response r = send(c, path);
        assertThat(r.status()).as(c.name() + ": " + r).isEqualTo(c.status());
        String code;
        String description;
        if (format.equals("xml")) {
            assertThat(r.header("Content-Type")).as(r.toString()).startsWithIgnoringCase("text/xml");
            Element root = xml(r).getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("errors");
            Element error = (Element) root.getElementsByTagName("error").item(0);
            assertThat(children(error)).containsExactly("code", "description");
            code = text(error, "code");
            description = text(error, "description");
        } else {
            assertThat(r.header("Content-Type")).as(r.toString()).startsWithIgnoringCase("application/json");
            JsonNode errors = json(r);
            assertThat(errors.isArray()).as(r.toString()).isTrue();
            assertThat(errors.get(0).path("code").isInt()).isTrue();
            code = errors.get(0).path("code").asText();
            description = errors.get(0).path("description").asText();
        }
        assertThat(code).isEqualTo(String.valueOf(c.status()));
        assertThat(description).as(r.toString()).containsPattern("\\p{IsHan}");
        if (c.field() != null) {
            assertThat(description).as(r.toString()).startsWith(c.field() + "：");
        }
        assertThat(r.text()).doesNotContainPattern("Exception|java\\.|org\\.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_order", Long.class)).isEqualTo(ordersBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM open311_request", Long.class)).isEqualTo(requestsBefore);
    }

    private RawHttp.Response send(Case c, String path) throws IOException {
        if (c.form() == null) {
            return new RawHttp(port).send(c.method(), path, Map.of(), new byte[0]);
        }
        String[] form = c.form().clone();
        for (int i = 0; i < form.length; i++) {
            form[i] = form[i].replace("%KEY%", key).replace("%REVOKED%", revoked);
        }
        if (!c.method().equals("POST")) {
            return new RawHttp(port).send(c.method(), path, Map.of(), new byte[0]);
        }
        return client.post(path, form);
    }
}
