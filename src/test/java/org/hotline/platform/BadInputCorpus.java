package org.hotline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hotline.support.Photos;
import org.hotline.support.RawHttp;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bad-input corpus: requests a careless or hostile client sends, each sent over a real socket to the
 * running server (Tomcat's own parsing included, not MockMvc) and each answered with a 4xx RFC 9457 problem
 * detail in Chinese, without Java type names, naming the field where there is one, and with every table of
 * the database exactly as it was. Run on H2 and on PostgreSQL by the two subclasses.
 */
abstract class BadInputCorpus {

    static final String PASSWORD = "demo123";

    /** What must never reach a client: Java's names for things. */
    static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(java|javax|jakarta|org|com)\\.[a-z]|Exception|\\b(Instant|LocalDate|YearMonth|Integer|Long|Boolean"
                    + "|String|int|long|Double|MultipartFile|OffsetDateTime)\\b");

    static final String VALID = """
            {"channel":"PHONE","appealType":"COMPLAINT","citizen":{"name":"王女士","phone":"13812341234"},
             "content":"楼下烧烤店油烟直排","location":{"address":"柳园路 8 号"}}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    private String order;

    /** One request of the corpus and what it must be answered with (status 0: any 4xx; field null: none named). */
    record Case(String name, byte[] head, byte[] body, int status, String field) {

        Case withStatus(int expected) {
            return new Case(name, head, body, expected, field);
        }
    }

    // ---------------------------------------------------------------- the corpus

    @TestFactory
    Stream<DynamicTest> everyBadRequestIsAChineseProblemDetailAndWritesNothing() throws IOException {
        String n = order();
        String orders = "/api/v1/orders";
        String longPassword = "密".repeat(72);
        List<Case> cases = new ArrayList<>();

        // The seven 500s of the issue.
        cases.add(post("Idempotency-Key in Chinese", orders, "operator1", VALID,
                Map.of("Idempotency-Key", "来电-中文键".getBytes(StandardCharsets.UTF_8)), 400, "Idempotency-Key"));
        cases.add(post("Idempotency-Key with an emoji", orders, "operator1", VALID,
                Map.of("Idempotency-Key", "key-😀".getBytes(StandardCharsets.UTF_8)), 400, "Idempotency-Key"));
        cases.add(get("a date far beyond any real range", orders + "?to=%2B1000000000-01-01T00:00:00Z", "supervisor1",
                400, "to"));
        cases.add(get("a date far before any real range", orders + "?from=-1000000000-01-01T00:00:00Z", "supervisor1",
                400, "from"));
        cases.add(upload("a NUL in the file name", n, "a\u0000b.jpg", "image/jpeg", Photos.jpeg(false), 400, "file"));
        cases.add(raw("multipart without a boundary", "POST", orders + "/" + n + "/attachments", "operator1",
                Map.of("Content-Type", ascii("multipart/form-data")), ascii("--x\r\n\r\nabc"), 400, null));
        cases.add(post("a new user's password of 72 Chinese characters", "/api/v1/admin/users", "admin",
                "{\"username\":\"longpw\",\"displayName\":\"长密码\",\"password\":\"" + longPassword
                        + "\",\"role\":\"OPERATOR\"}", Map.of(), 400, "password"));
        cases.add(post("a password reset to 72 Chinese characters", "/api/v1/admin/users/operator2/password", "admin",
                "{\"password\":\"" + longPassword + "\"}", Map.of(), 400, "password"));
        cases.add(post("a leader's signature with a password too long to check",
                "/api/v1/quality/leader-samples/2026-12-01/" + n + "/signature", "gulou-leader",
                "{\"reached\":false,\"password\":\"" + longPassword + "\"}", Map.of(), 400, "password"));
        cases.add(raw("a sign-in with a password too long to check", "POST", "/api/v1/auth/token", null,
                Map.of("Authorization", ascii(RawHttp.basic("operator1", longPassword))), new byte[0], 401, null));

        // JSON strictness
        cases.add(post("content after the JSON document", orders, "operator1", VALID + "{\"content\":\"再来一单\"}",
                Map.of(), 400, null));
        cases.add(post("a scalar after the JSON document", orders, "operator1", VALID + " 1", Map.of(), 400, null));
        cases.add(post("a duplicate key", orders, "operator1",
                VALID.replace("\"content\"", "\"content\":\"第一次\",\"content\""), Map.of(), 400, "content"));
        cases.add(post("a duplicate key inside an object", orders, "operator1",
                VALID.replace("\"name\":\"王女士\"", "\"name\":\"王女士\",\"name\":\"李女士\""), Map.of(), 400,
                "citizen.name"));
        cases.add(post("a duplicate key where a record has no setter", "/api/v1/admin/users/operator2/password",
                "admin", "{\"password\":\"demo12345\",\"password\":\"demo54321\"}", Map.of(), 400, "password"));

        // Text hygiene: JSON, query, header, form field, file name
        cases.add(post("a NUL in the appeal", orders, "operator1",
                VALID.replace("油烟直排", "油烟\\u0000直排"), Map.of(), 400, "content"));
        cases.add(post("a NUL in the citizen's name", orders, "operator1",
                VALID.replace("王女士", "王\\u0000女士"), Map.of(), 400, "citizen.name"));
        cases.add(post("a lone high surrogate", orders, "operator1",
                VALID.replace("油烟直排", "油烟\\ud800直排"), Map.of(), 400, "content"));
        cases.add(post("a lone low surrogate", orders, "operator1",
                VALID.replace("柳园路", "柳\\udc00园路"), Map.of(), 400, "location.address"));
        cases.add(post("a bell character", orders, "operator1",
                VALID.replace("油烟直排", "油烟\\u0007直排"), Map.of(), 400, "content"));
        cases.add(post("an escape character in a list", orders + "/" + n + "/dispatch", "dispatcher1",
                "{\"leadUnit\":\"dcf-zhzfj\",\"coUnits\":[\"dcf-gulou\",\"\\u001b[31m\"]}", Map.of(), 400, "coUnits[1]"));
        cases.add(post("a NUL in a key", orders, "operator1",
                VALID.replace("\"content\"", "\"con\\u0000tent\""), Map.of(), 400, null));
        cases.add(post("a NUL in a new user's display name", "/api/v1/admin/users", "admin",
                "{\"username\":\"nul1\",\"displayName\":\"张\\u0000三\",\"password\":\"abcdefgh1\",\"role\":\"OPERATOR\"}",
                Map.of(), 400, "displayName"));
        cases.add(get("a NUL in a query parameter", orders + "?q=%E7%A7%AF%00%E6%B0%B4", "supervisor1", 400, "q"));
        cases.add(get("a control character in a query parameter", orders + "?q=a%1Bb", "supervisor1", 400, "q"));
        cases.add(get("a bad percent escape in a query parameter", orders + "?q=a%ZZb", "supervisor1", 400, "q"));
        cases.add(get("invalid UTF-8 in a query parameter", orders + "?q=%FF%FE", "supervisor1", 400, "q"));
        cases.add(get("an encoded lone surrogate in a query parameter", orders + "?q=%ED%A0%80", "supervisor1", 400,
                "q"));
        cases.add(upload("a control character in the file name", n, "a\u0001b.jpg", "image/jpeg", Photos.jpeg(false),
                400, "file"));
        cases.add(raw("an If-Match in Chinese", "POST", orders + "/" + n + "/acknowledge", "zf-handler",
                Map.of("If-Match", "\"三\"".getBytes(StandardCharsets.UTF_8)), new byte[0], 400, "If-Match"));

        // Uploads by what they are, not by their name
        cases.add(upload("text named .jpg", n, "photo.jpg", "image/jpeg",
                "这不是照片，只是一段文字。".getBytes(StandardCharsets.UTF_8), 400, "file"));
        cases.add(upload("HTML named .png", n, "photo.png", "image/png",
                ascii("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), 400, "file"));
        cases.add(upload("a program named .pdf", n, "scan.pdf", "application/pdf", elf(), 400, "file"));
        cases.add(upload("a script named .pdf", n, "scan.pdf", "application/pdf", ascii("#!/bin/sh\nrm -rf /\n"), 400,
                "file"));
        cases.add(upload("SVG named .png", n, "photo.png", "image/png",
                ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), 400, "file"));
        cases.add(upload("a ZIP named .jpg", n, "photo.jpg", "image/jpeg", zip(), 400, "file"));
        cases.add(upload("an empty file", n, "photo.jpg", "image/jpeg", new byte[0], 400, "file"));
        cases.add(upload("a JPEG that ends after its first bytes", n, "photo.jpg", "image/jpeg",
                new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 9, 'E', 'x', 'i' }, 400, "file"));
        cases.add(upload("an oversize photo", n, "big.jpg", "image/jpeg", new byte[13 * 1024 * 1024], 413, null));
        cases.add(raw("a multipart request without the file part", "POST", orders + "/" + n + "/attachments",
                "operator1", Map.of("Content-Type", ascii("multipart/form-data; boundary=XX")),
                ascii("--XX\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nabc\r\n--XX--\r\n"), 400, "file"));
        cases.add(raw("a multipart body that never ends", "POST", orders + "/" + n + "/attachments", "operator1",
                Map.of("Content-Type", ascii("multipart/form-data; boundary=XX")),
                ascii("--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\nabc"), 400,
                null));

        // Dates in parameters
        cases.add(get("a search date before 2000", orders + "?from=1999-12-31", "supervisor1", 400, "from"));
        cases.add(get("a search date after 2100", orders + "?to=2101-01-01T00:00:00Z", "supervisor1", 400, "to"));
        cases.add(get("a search date in words", orders + "?from=yesterday", "supervisor1", 400, "from"));
        cases.add(get("an audit filter of an unknown kind", "/api/v1/admin/audit?kind=%3Cscript%3E", "admin", 400,
                "kind"));
        cases.add(get("a control character in the audit's user filter", "/api/v1/admin/audit?user=ad%07min", "director1",
                400, "user"));
        cases.add(get("an audit period far beyond any real range", "/api/v1/admin/audit?to=%2B1000000000-01-01T00:00:00Z",
                "admin", 400, "to"));
        cases.add(get("an audit page in words", "/api/v1/admin/audit?page=last", "admin", 400, "page"));
        cases.add(get("a search date without an offset", orders + "?from=2026-12-01T08:00:00", "supervisor1", 400,
                "from"));
        cases.add(get("a statistics date in year 1", "/api/v1/statistics/volumes?from=0001-01-01&to=0001-12-31",
                "director1", 400, "from"));
        cases.add(get("a year-over-year in year 1", "/api/v1/statistics/year-over-year?from=0001-01-01&to=0001-12-31",
                "director1", 400, "from"));
        cases.add(get("an assessment range far away", "/api/v1/assessment/daily-scores?from=%2B999999999-01-01",
                "director1", 400, "from"));
        cases.add(get("a ranking month far before", "/api/v1/assessment/rankings/-99999-01", "director1", 400,
                "month"));
        cases.add(get("a leader-sampling day far away", "/api/v1/quality/leader-samples/report?day=%2B999999999-12-31",
                "director1", 400, "day"));
        cases.add(post("a recompute of the year minus a billion", "/api/v1/assessment/recompute", "admin",
                "{\"from\":\"-999999999-01-01\",\"to\":\"-999999999-01-02\"}", Map.of(), 400, "from"));

        // Numbers, enums, shapes
        cases.add(get("a page number beyond int", orders + "?page=99999999999", "supervisor1", 400, "page"));
        cases.add(get("a negative page", orders + "?page=-1", "supervisor1", 400, "page"));
        cases.add(get("a negative page size", orders + "?size=-5", "supervisor1", 400, "size"));
        cases.add(get("a page size in words", orders + "?size=many", "supervisor1", 400, "size"));
        cases.add(get("an unknown status", orders + "?status=SLEEPING", "supervisor1", 400, "status"));
        cases.add(get("an unknown channel", orders + "?channel=FAX", "supervisor1", 400, "channel"));
        cases.add(get("a boolean that is not one", orders + "?overdue=perhaps", "supervisor1", 400, "overdue"));
        cases.add(post("an unknown enum value", orders, "operator1", VALID.replace("\"PHONE\"", "\"FAX\""), Map.of(),
                400, "channel"));
        cases.add(post("a number too big for an int", orders + "/" + n + "/extension-request", "operator1",
                "{\"workingDays\":99999999999999999999,\"reason\":\"太多\"}", Map.of(), 400, "workingDays"));
        cases.add(post("a number with a huge exponent", orders, "operator1",
                VALID.replace("\"address\":\"柳园路 8 号\"", "\"address\":\"x\",\"latitude\":1e999999,\"longitude\":1"),
                Map.of(), 400, "location.latitude"));
        cases.add(post("a string where a boolean belongs", orders, "operator1",
                VALID.replace("\"王女士\"", "\"王女士\",\"confidential\":\"maybe\""), Map.of(), 400, "citizen.confidential"));
        cases.add(post("an array where an object belongs", orders, "operator1", "[" + VALID + "]", Map.of(), 400, null));
        cases.add(post("an object where a string belongs", orders, "operator1",
                VALID.replace("\"楼下烧烤店油烟直排\"", "{\"text\":\"油烟\"}"), Map.of(), 400, "content"));
        cases.add(post("a bare string as the body", orders, "operator1", "\"油烟\"", Map.of(), 400, null));
        cases.add(post("null as the body", orders, "operator1", "null", Map.of(), 400, null));
        cases.add(post("an empty body", orders, "operator1", "", Map.of(), 400, null));
        cases.add(post("an unknown field", orders, "operator1", VALID.replace("\"content\"", "\"priority\":1,\"content\""),
                Map.of(), 400, "priority"));
        cases.add(post("JSON nested ten thousand deep", orders, "operator1",
                "{\"content\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}", Map.of(), 400, null));
        cases.add(post("a very long name", orders, "operator1", VALID.replace("王女士", "王".repeat(100_000)), Map.of(),
                400, "citizen.name"));
        cases.add(post("a body over the size limit", orders, "operator1",
                VALID.replace("楼下烧烤店油烟直排", "积".repeat(1_500_000)), Map.of(), 413, null));
        cases.add(rawBody("invalid UTF-8 in the body", orders, "operator1",
                concat(ascii("{\"channel\":\"PHONE\",\"appealType\":\"COMPLAINT\",\"content\":\"a"),
                        new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF }, ascii("\"}")), 400));
        cases.add(rawBody("a truncated body", orders, "operator1", ascii("{\"channel\":\"PHONE\",\"content\":"), 400));
        cases.add(raw("a bad If-Match", "POST", orders + "/" + n + "/acknowledge", "zf-handler",
                Map.of("If-Match", ascii("\"abc\"")), new byte[0], 400, "If-Match"));

        // Patrol reports (巡查上报)
        String patrol = "/api/v1/patrol/reports";
        String report = "{\"kind\":\"SAFETY_HAZARD\",\"text\":\"村口井盖缺失，夜间有人踩空\",\"address\":\"古楼街道东关\"}";
        cases.add(post("a patrol report without a kind", patrol, "gulou-patrol1",
                report.replace("\"kind\":\"SAFETY_HAZARD\",", ""), Map.of(), 400, "kind"));
        cases.add(post("a patrol report of an unknown kind", patrol, "gulou-patrol1",
                report.replace("SAFETY_HAZARD", "UFO"), Map.of(), 400, "kind"));
        cases.add(post("a NUL in a patrol report", patrol, "gulou-patrol1", report.replace("井盖", "井\\u0000盖"),
                Map.of(), 400, "text"));
        cases.add(post("a patrol report with half a coordinate", patrol, "gulou-patrol1",
                report.replace("}", ",\"latitude\":36.4}"), Map.of(), 400, "longitude"));
        cases.add(post("a patrol report with a latitude beyond the pole", patrol, "gulou-patrol1",
                report.replace("}", ",\"latitude\":91,\"longitude\":115}"), Map.of(), 400, "latitude"));
        cases.add(post("a patrol report with a huge exponent", patrol, "gulou-patrol1",
                report.replace("}", ",\"latitude\":1e999999,\"longitude\":1}"), Map.of(), 400, "latitude"));
        cases.add(post("a patrol report by an operator", patrol, "operator1", report, Map.of(), 403, null));

        // What the framework answers itself: 401, 404, 405, 406, 415
        cases.add(get("no credentials", orders, null, 401, null));
        cases.add(get("a wrong password", orders, "operator1:wrong", 401, null));
        cases.add(raw("a bearer token that is not one", "GET", orders, null,
                Map.of("Authorization", ascii("Bearer not.a.token")), new byte[0], 401, null));
        cases.add(raw("credentials in Chinese", "GET", orders, null,
                Map.of("Authorization", "Basic 用户".getBytes(StandardCharsets.UTF_8)), new byte[0], 401, null));
        cases.add(get("another unit's order", orders + "/" + n, "zf-handler", 404, null));
        // The knowledge base, the public one included
        cases.add(get("a NUL in a public knowledge search", "/api/v1/public/knowledge?q=%E7%A7%AF%00", null, 400, "q"));
        cases.add(get("a public knowledge search too long", "/api/v1/public/knowledge?q=" + "a".repeat(300), null, 400,
                "q"));
        cases.add(get("an unknown knowledge status", "/api/v1/knowledge?scope=ALL&status=LOST", "admin", 400, "status"));
        cases.add(post("a suggestion for an appeal with an escape character", "/api/v1/knowledge/suggest", "operator1",
                "{\"content\":\"油烟\\u001b直排\"}", Map.of(), 400, "content"));
        cases.add(post("a knowledge entry with a keyword that is a list", "/api/v1/knowledge", "admin",
                "{\"title\":\"t\",\"answer\":\"a\",\"keywords\":[[\"k\"]]}", Map.of(), 400, "keywords[0]"));
        cases.add(post("a knowledge entry valid until year 1", "/api/v1/knowledge", "admin",
                "{\"title\":\"t\",\"answer\":\"a\",\"validTo\":\"0001-01-01\"}", Map.of(), 400, "validTo"));
        cases.add(get("a knowledge entry that is not a number", "/api/v1/public/knowledge/1e3", null, 404, null));
        cases.add(get("an order that does not exist", orders + "/20990101-999999", "supervisor1", 404, null));
        cases.add(get("a path-traversing order number", orders + "/..%2F..%2Fetc%2Fpasswd", "supervisor1", 0, null));
        cases.add(get("a path with dot segments", orders + "/../../../etc/passwd", "supervisor1", 0, null));
        cases.add(get("a control character in the path", orders + "/2026%01", "supervisor1", 400, "number"));
        cases.add(raw("a control character in a user name", "PUT", "/api/v1/admin/users/op%07", "admin",
                Map.of("Content-Type", ascii("application/json")),
                "{\"displayName\":\"张三\",\"role\":\"OPERATOR\",\"enabled\":true}".getBytes(StandardCharsets.UTF_8),
                400, "username"));
        cases.add(get("an unknown API path", "/api/v1/nothing-here", "supervisor1", 404, null));
        // (outside the console's public files every path asks for the console's sign-in; these are open to all)
        cases.add(get("an unknown static resource", "/console/nothing-here.css", "supervisor1", 404, null));
        cases.add(get("an attachment that does not exist", orders + "/" + n + "/attachments/..%2F..", "operator1", 0,
                null));
        cases.add(raw("a method the path does not take", "DELETE", orders, "supervisor1", Map.of(), new byte[0], 405,
                null));
        cases.add(raw("a method nobody knows", "BREW", orders, "supervisor1", Map.of(), new byte[0], 0, null));
        cases.add(raw("TRACE", "TRACE", orders, "supervisor1", Map.of(), new byte[0], 0, null));
        cases.add(raw("an Accept the API cannot give", "GET", orders, "supervisor1",
                Map.of("Accept", ascii("text/csv")), new byte[0], 406, null));
        cases.add(raw("an Accept that does not parse", "GET", orders, "supervisor1",
                Map.of("Accept", ascii("application/json;q=abc")), new byte[0], 0, null));
        cases.add(raw("an Accept in Chinese", "GET", orders, "supervisor1",
                Map.of("Accept", "中文".getBytes(StandardCharsets.UTF_8)), new byte[0], 0, null));
        cases.add(raw("a text body", "POST", orders, "operator1", Map.of("Content-Type", ascii("text/plain")),
                ascii("油烟"), 415, null));
        cases.add(raw("a form body", "POST", orders, "operator1",
                Map.of("Content-Type", ascii("application/x-www-form-urlencoded")), ascii("content=%E6%B2%B9"), 415,
                null));
        cases.add(raw("a NUL in a form field", "POST", orders, "operator1",
                Map.of("Content-Type", ascii("application/x-www-form-urlencoded")), ascii("content=%00"), 400,
                "content"));
        cases.add(raw("no content type", "POST", orders, "operator1", Map.of(), ascii(VALID), 415, null));
        cases.add(raw("a content type that does not parse", "POST", orders, "operator1",
                Map.of("Content-Type", ascii("application/json; charset=klingon")), ascii(VALID), 0, null));
        cases.add(raw("a content type in Chinese", "POST", orders, "operator1",
                Map.of("Content-Type", "中文/json".getBytes(StandardCharsets.UTF_8)), ascii(VALID), 0, null));
        cases.add(raw("JSON where a file belongs", "POST", orders + "/" + n + "/attachments", "operator1",
                Map.of("Content-Type", ascii("application/json")), ascii("{}"), 415, null));

        // What Tomcat answers before Spring sees the request
        cases.add(head("a NUL in the path", "GET /api/v1/orders/%00 HTTP/1.1", "supervisor1", 400));
        cases.add(head("a bad percent escape in the path", "GET /api/v1/orders/%ZZ HTTP/1.1", "supervisor1", 400));
        cases.add(head("invalid UTF-8 in the path", "GET /api/v1/orders/%E4%B8 HTTP/1.1", "supervisor1", 400));
        cases.add(head("an encoded slash", "GET /api/v1/orders/a%2Fb HTTP/1.1", "supervisor1", 400));
        cases.add(head("a backslash", "GET /api/v1/orders/a\\b HTTP/1.1", "supervisor1", 400));
        cases.add(head("a double slash", "GET /api/v1//orders HTTP/1.1", "supervisor1", 400));
        cases.add(head("a path parameter", "GET /api/v1/orders;jsessionid=x HTTP/1.1", "supervisor1", 400));
        cases.add(head("an encoded dot segment", "GET /api/v1/%2e%2e/orders HTTP/1.1", "supervisor1", 400));
        cases.add(head("a space in the URL", "GET /api/v1/orders?q=a b HTTP/1.1", "supervisor1", 400));
        cases.add(new Case("raw UTF-8 in the URL", concat(ascii("GET /api/v1/orders?q="),
                "积水".getBytes(StandardCharsets.UTF_8), ascii(" HTTP/1.1\r\nHost: localhost\r\n"),
                auth("supervisor1")), new byte[0], 400, null));
        cases.add(head("an unknown HTTP version", "GET /api/v1/orders HTTP/2.7", "supervisor1", 0));
        cases.add(new Case("no Host header", concat(ascii("GET /api/v1/orders HTTP/1.1\r\n"), auth("supervisor1")),
                new byte[0], 400, null));
        cases.add(new Case("a NUL in a header", concat(ascii("GET /api/v1/orders HTTP/1.1\r\nHost: x\r\nX-Note: a"),
                new byte[] { 0 }, ascii("b\r\n"), auth("supervisor1")), new byte[0], 400, null));
        cases.add(new Case("a header of 20,000 bytes", concat(ascii("GET /api/v1/orders HTTP/1.1\r\nHost: x\r\n"),
                ascii("X-Note: " + "a".repeat(20_000) + "\r\n"), auth("supervisor1")), new byte[0], 0, null));
        cases.add(new Case("a URL of 20,000 bytes", concat(ascii("GET /api/v1/orders?q=" + "a".repeat(20_000)
                + " HTTP/1.1\r\nHost: x\r\n"), auth("supervisor1")), new byte[0], 0, null));
        cases.add(new Case("a Content-Length that is not a number", concat(ascii("POST /api/v1/orders HTTP/1.1\r\n"
                + "Host: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n"), auth("operator1")),
                ascii(VALID), 400, null));
        cases.add(new Case("broken chunking", concat(ascii("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"), auth("operator1")),
                ascii("zz\r\n{}\r\n0\r\n\r\n"), 400, null));

        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    // ---------------------------------------------------------------- Open311

    /** The Open311 key of the corpus, stored once (its hash, as the open311 module stores keys). */
    static final String OPEN311_KEY = "corpus-open311-key";

    String open311Key() throws Exception {
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(OPEN311_KEY.getBytes(StandardCharsets.UTF_8)));
        if (jdbc.queryForObject("SELECT COUNT(*) FROM open311_api_key WHERE key_hash = ?", Long.class, hash) == 0) {
            jdbc.update("INSERT INTO open311_api_key (id, name, key_hash, key_hint, rate_per_minute, created_at,"
                    + " created_by) VALUES (900001, '语料客户端', ?, '-key', 100000, CURRENT_TIMESTAMP, 'corpus')", hash);
        }
        return OPEN311_KEY;
    }

    /**
     * Open311 clients' bad input: answered 4xx in the specification's error shape (an {@code <errors>} list, or
     * the JSON list) where the request reaches the Open311 server, a problem detail where Tomcat or the platform's
     * edge refuses it first; never a 5xx, never Java's names, and nothing written.
     */
    @TestFactory
    Stream<DynamicTest> everyBadOpen311RequestIsRefusedAndWritesNothing() throws Exception {
        String key = open311Key();
        String requests = "/open311/v2/requests.xml";
        Map<String, byte[]> form = Map.of("Content-Type", ascii("application/x-www-form-urlencoded"));
        String valid = "api_key=" + key + "&service_code=09.05.01&address_string=%E5%8F%A4%E6%A5%BC&description=";
        List<Case> cases = new ArrayList<>();
        cases.add(raw("a NUL in a form field", "POST", requests, null, form, ascii(valid + "%00"), 400, "description"));
        cases.add(raw("a bad percent escape in the form", "POST", requests, null, form, ascii(valid + "%ZZ"), 400,
                null));
        cases.add(raw("a lone surrogate in a form field", "POST", requests, null, form, ascii(valid + "%ED%A0%80"), 400,
                "description"));
        cases.add(raw("invalid UTF-8 in a form field", "POST", requests, null, form, ascii(valid + "%E4%B8"), 400,
                "description"));
        cases.add(raw("invalid UTF-8 without a key", "POST", requests, null, form, ascii("description=%E4%B8"), 400,
                "description"));
        cases.add(raw("Latin-1 bytes where UTF-8 belongs, without a key", "POST", requests, null, form,
                new byte[] { 'd', '=', (byte) 0xE9 }, 400, "d"));
        cases.add(raw("an Idempotency-Key in Chinese", "POST", requests, null,
                Map.of("Content-Type", ascii("application/x-www-form-urlencoded"), "Idempotency-Key",
                        "重试-1".getBytes(StandardCharsets.UTF_8)), ascii(valid + "%E7%81%AF"), 400, "Idempotency-Key"));
        cases.add(raw("an attribute key with a bracket inside", "POST", requests, null, form,
                ascii(valid + "x&attribute%5Ba%5D%5Bb%5D=1"), 400, null));
        cases.add(raw("a JSON body", "POST", requests, null, Map.of("Content-Type", ascii("application/json")),
                ascii("{\"api_key\":\"" + key + "\"}"), 403, null));
        cases.add(raw("a multipart body without a boundary", "POST", requests, null,
                Map.of("Content-Type", ascii("multipart/form-data")), ascii("--x\r\n\r\nabc"), 0, null));
        cases.add(get("a date far beyond any real range", "/open311/v2/requests.json?end_date=%2B1000000000-01-01T00:00:00Z",
                null, 400, "end_date"));
        cases.add(get("a list of ids longer than a URL may be", "/open311/v2/requests.xml?service_request_id="
                + idList(1001), null, 400, null));
        cases.add(get("a resource without a format", "/open311/v2/services", null, 404, null));
        cases.add(get("a format nobody offers", "/open311/v2/services.csv", null, 404, null));
        cases.add(get("a service code of 10,000 characters", "/open311/v2/services/" + "9".repeat(10_000) + ".xml",
                null, 0, null));
        cases.add(get("a token of 200 characters", "/open311/v2/tokens/" + "t".repeat(200) + ".json", null, 404, null));
        cases.add(get("a jurisdiction_id in Chinese", "/open311/v2/services.xml?jurisdiction_id=%E8%81%8A%E5%9F%8E",
                null, 0, null).withStatus(200));
        cases.add(raw("a method nobody knows", "BREW", "/open311/v2/services.xml", null, Map.of(), new byte[0], 0, null));
        cases.add(raw("PUT on requests", "PUT", requests, null, Map.of(), new byte[0], 405, null));
        cases.add(head("a NUL in the path", "GET /open311/v2/requests/%00.xml HTTP/1.1", "supervisor1", 400));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> checkOpen311(c)));
    }

    private static String idList(int n) {
        StringBuilder ids = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            ids.append(i == 1 ? "" : ",").append(String.format("20261201-%06d", i));
        }
        return ids.toString();
    }

    void checkOpen311(Case c) throws Exception {
        Map<String, Long> before = rows();
        RawHttp.Response r = http().send(c.head(), c.body());
        if (c.status() == 200) {
            assertThat(r.status()).as(c.name() + ": " + r).isEqualTo(200);
            return;
        }
        assertThat(r.status()).as(c.name() + ": " + r).isBetween(400, 499);
        if (c.status() != 0) {
            assertThat(r.status()).as(c.name() + ": " + r).isEqualTo(c.status());
        }
        assertThat(r.text()).as(c.name() + ": no Java names: " + r).doesNotContainPattern(JAVA_NAMES);
        assertThat(r.text()).as(c.name() + ": in Chinese: " + r).containsPattern("\\p{IsHan}");
        String type = String.valueOf(r.header("Content-Type"));
        if (type.startsWith("text/xml")) {
            assertThat(r.text()).as(c.name()).contains("<errors><error><code>" + r.status() + "</code>");
        } else if (type.startsWith("application/json")) {
            assertThat(json.readTree(r.body()).get(0).path("code").asInt()).as(c.name()).isEqualTo(r.status());
        } else {
            assertThat(type).as(c.name() + ": refused before the Open311 server").startsWith("application/problem+json");
        }
        if (c.field() != null) {
            assertThat(r.text()).as(c.name() + ": names the field: " + r).contains(c.field() + "：");
        }
        assertThat(rows()).as(c.name() + ": nothing written").isEqualTo(before);
    }

    /** A header the hotline never reads is harmless, whatever its bytes: the request is served. */
    @Test
    void aNonAsciiValueInAHeaderTheHotlineDoesNotReadIsServed() throws IOException {
        RawHttp.Response r = http().send("GET", "/api/v1/orders?size=1", headers("supervisor1",
                Map.of("X-Caller-Note", "中文说明".getBytes(StandardCharsets.UTF_8),
                        "User-Agent", "热线客户端/1.0 😀".getBytes(StandardCharsets.UTF_8))), new byte[0]);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        r = http().send("POST", "/api/v1/orders", headers("operator1",
                Map.of("Content-Type", ascii("application/json"),
                        "X-Caller-Note", "中文说明".getBytes(StandardCharsets.UTF_8))), VALID.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    /**
     * Text that means something to SQL's LIKE or to a string literal is harmless in a search: answered (200 or a
     * 400 for what the parameter does not allow), never a server error, on either database.
     */
    @Test
    void searchTextThatMeansSomethingToSqlIsHarmless() throws IOException {
        String[] tricky = { "%5C", "a%5C", "%25", "_", "%27", "%27%3B+DROP+TABLE+work_order%3B--", "%5C%25%5C_",
                "%F0%9F%98%80", "a".repeat(100) };
        String[] searches = { "/api/v1/orders?q=", "/api/v1/orders?category=", "/api/v1/orders?unit=",
                "/api/v1/statistics/volumes?category=", "/api/v1/statistics/volumes?unit=",
                "/api/v1/statistics/overdue?category=", "/api/v1/dispatch/queue?category=" };
        Map<String, Long> before = rows();
        for (String search : searches) {
            for (String text : tricky) {
                RawHttp.Response r = http().send("GET", search + text, headers("director1", Map.of()), new byte[0]);
                assertThat(r.status()).as(search + text + ": " + r).isLessThan(500);
                if (r.status() >= 400) {
                    assertThat(r.header("Content-Type")).as(search + text).startsWith("application/problem+json");
                }
            }
        }
        assertThat(rows()).isEqualTo(before);
    }

    /**
     * The API always answers problem+json; a browser asking for a page outside the API gets the same problem as the
     * console's error page, in its layout (on a path open without signing in: the citizens' lookup).
     */
    @Test
    void aBrowserAskingForAPageGetsTheProblemAsAPageAndTheApiNever() throws IOException {
        Map<String, byte[]> browser = Map.of("Accept", ascii("text/html,application/xhtml+xml,*/*;q=0.8"));
        RawHttp.Response page = http().send("GET", "/cases/no-such-page", headers(null, browser), new byte[0]);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("页面不存在").contains("lang=\"zh-CN\"").contains("/console/console.css")
                .doesNotContainPattern(JAVA_NAMES);
        RawHttp.Response api = http().send("GET", "/api/v1/no-such-thing", headers("supervisor1", browser), new byte[0]);
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    // ---------------------------------------------------------------- checking one case

    void check(Case c) throws IOException {
        Map<String, Long> before = rows();
        RawHttp.Response r = http().send(c.head(), c.body());
        assertThat(r.status()).as(c.name() + ": " + r).isBetween(400, 499);
        if (c.status() != 0) {
            assertThat(r.status()).as(c.name() + ": " + r).isEqualTo(c.status());
        }
        assertThat(r.header("Content-Type")).as(c.name() + ": " + r).startsWith("application/problem+json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("status").asInt()).as(c.name() + ": " + r).isEqualTo(r.status());
        assertThat(body.path("type").asText()).as(c.name() + ": " + r).startsWith("https://hotline.example/problems/");
        assertThat(body.path("title").asText()).as(c.name() + ": title in Chinese: " + r).containsPattern("\\p{IsHan}");
        assertThat(body.path("detail").asText()).as(c.name() + ": detail in Chinese: " + r).containsPattern("\\p{IsHan}");
        assertThat(r.text()).as(c.name() + ": no Java names: " + r).doesNotContainPattern(JAVA_NAMES);
        if (c.field() != null) {
            List<String> fields = new ArrayList<>();
            body.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            assertThat(fields).as(c.name() + ": names the field: " + r).contains(c.field());
        }
        assertThat(rows()).as(c.name() + ": nothing written").isEqualTo(before);
    }

    /** Every table's row count: "nothing written" means none of them moved. */
    Map<String, Long> rows() {
        Map<String, Long> counts = new TreeMap<>();
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE LOWER(table_schema) = 'public' AND LOWER(table_type) IN ('base table', 'table')", String.class);
        for (String t : tables) {
            counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class));
        }
        assertThat(counts).containsKeys("work_order", "work_order_history", "work_order_attachment", "users");
        return counts;
    }

    String order() throws IOException {
        if (order == null) {
            RawHttp.Response r = http().send("POST", "/api/v1/orders",
                    headers("operator1", Map.of("Content-Type", ascii("application/json"))),
                    VALID.replace("楼下烧烤店油烟直排", "古楼街道路灯不亮").getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            order = json.readTree(r.body()).path("number").asText();
            // the citizen's notice is queued after the order's commit, on another thread: let it land before the
            // corpus counts rows
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM notification WHERE order_number = ?", Long.class, order) == 1);
        }
        return order;
    }

    RawHttp http() {
        return new RawHttp(port);
    }

    // ---------------------------------------------------------------- building requests

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] auth(String user) {
        return ascii("Authorization: " + credentials(user) + "\r\n");
    }

    static String credentials(String user) {
        return user.contains(":") ? RawHttp.basic(user.split(":")[0], user.split(":")[1]) : RawHttp.basic(user, PASSWORD);
    }

    static Map<String, byte[]> headers(String user, Map<String, byte[]> more) {
        Map<String, byte[]> h = new LinkedHashMap<>();
        if (user != null) {
            h.put("Authorization", ascii(credentials(user)));
        }
        h.putAll(more);
        return h;
    }

    static Case raw(String name, String method, String target, String user, Map<String, byte[]> headers, byte[] body,
            int status, String field) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(ascii(method + " "));
        head.writeBytes(target.getBytes(StandardCharsets.UTF_8));
        head.writeBytes(ascii(" HTTP/1.1\r\nHost: localhost\r\n"));
        headers(user, headers).forEach((k, v) -> {
            head.writeBytes(ascii(k + ": "));
            head.writeBytes(v);
            head.writeBytes(ascii("\r\n"));
        });
        if (body.length > 0) {
            head.writeBytes(ascii("Content-Length: " + body.length + "\r\n"));
        }
        return new Case(name, head.toByteArray(), body, status, field);
    }

    static Case get(String name, String target, String user, int status, String field) {
        return raw(name, "GET", target, user, Map.of(), new byte[0], status, field);
    }

    static Case post(String name, String target, String user, String json, Map<String, byte[]> headers, int status,
            String field) {
        Map<String, byte[]> h = new LinkedHashMap<>(headers);
        h.put("Content-Type", ascii("application/json"));
        return raw(name, "POST", target, user, h, json.getBytes(StandardCharsets.UTF_8), status, field);
    }

    static Case rawBody(String name, String target, String user, byte[] body, int status) {
        return raw(name, "POST", target, user, Map.of("Content-Type", ascii("application/json")), body, status, null);
    }

    static Case head(String name, String requestLine, String user, int status) {
        return new Case(name, concat(ascii(requestLine + "\r\nHost: localhost\r\n"), auth(user)), new byte[0], status,
                null);
    }

    static Case upload(String name, String order, String fileName, String contentType, byte[] data, int status,
            String field) {
        return raw(name, "POST", "/api/v1/orders/" + order + "/attachments", "operator1",
                Map.of("Content-Type", ascii("multipart/form-data; boundary=corpus")),
                multipart("file", fileName, contentType, data), status, field);
    }

    static byte[] multipart(String part, String fileName, String contentType, byte[] data) {
        return concat(ascii("--corpus\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""),
                fileName.getBytes(StandardCharsets.UTF_8), ascii("\"\r\nContent-Type: " + contentType + "\r\n\r\n"), data,
                ascii("\r\n--corpus--\r\n"));
    }

    /** The first bytes of a Linux program. */
    static byte[] elf() {
        byte[] b = new byte[256];
        b[0] = 0x7F;
        b[1] = 'E';
        b[2] = 'L';
        b[3] = 'F';
        b[4] = 2;
        b[5] = 1;
        b[6] = 1;
        return b;
    }

    static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
            zip.write(ascii("hello"));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
