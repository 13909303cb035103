package org.hotline.open311;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.support.RawHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An Open311 client as the tests need it: raw HTTP, form bodies built field by field, keys issued by the admin. */
public final class Open311Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RawHttp http;

    public Open311Http(int port) {
        this.http = new RawHttp(port);
    }

    public RawHttp.Response get(String target) throws IOException {
        return http.send("GET", target, Map.of(), new byte[0]);
    }

    /** A form post: {@code fields} as name, value pairs (a name may repeat), UTF-8, no charset in the type. */
    public RawHttp.Response post(String target, Map<String, byte[]> headers, String... fields) throws IOException {
        Map<String, byte[]> h = new LinkedHashMap<>(headers);
        h.putIfAbsent("Content-Type", "application/x-www-form-urlencoded".getBytes(StandardCharsets.US_ASCII));
        return http.send("POST", target, h, form(fields).getBytes(StandardCharsets.US_ASCII));
    }

    public RawHttp.Response post(String target, String... fields) throws IOException {
        return post(target, Map.of(), fields);
    }

    public static String form(String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** A new API key, issued through the administrator's API; its secret. */
    public String issueKey(String name, Integer ratePerMinute) throws IOException {
        String body = "{\"name\":\"" + name + "\"" + (ratePerMinute == null ? "" : ",\"ratePerMinute\":" + ratePerMinute)
                + "}";
        RawHttp.Response r = http.send("POST", "/api/v1/admin/open311/keys",
                Map.of("Authorization", RawHttp.basic("admin", "demo123").getBytes(StandardCharsets.US_ASCII),
                        "Content-Type", "application/json".getBytes(StandardCharsets.US_ASCII)),
                body.getBytes(StandardCharsets.UTF_8));
        if (r.status() != 201) {
            throw new IllegalStateException("no key: " + r);
        }
        return json(r).path("apiKey").asText();
    }

    public RawHttp.Response admin(String method, String target, String body) throws IOException {
        Map<String, byte[]> h = new LinkedHashMap<>();
        h.put("Authorization", RawHttp.basic("admin", "demo123").getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            h.put("Content-Type", "application/json".getBytes(StandardCharsets.US_ASCII));
        }
        return http.send(method, target, h, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    public RawHttp.Response as(String user, String method, String target, String json) throws IOException {
        Map<String, byte[]> h = new LinkedHashMap<>();
        h.put("Authorization", RawHttp.basic(user, "demo123").getBytes(StandardCharsets.US_ASCII));
        if (json != null) {
            h.put("Content-Type", "application/json".getBytes(StandardCharsets.US_ASCII));
        }
        return http.send(method, target, h, json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode json(RawHttp.Response r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** The element names and texts of an XML document, as a tree of maps and lists (order kept). */
    public static org.w3c.dom.Document xml(RawHttp.Response r) throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(r.body()));
    }

    /** The names of an element's child elements, in order. */
    public static List<String> children(org.w3c.dom.Element e) {
        List<String> names = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element c) {
                names.add(c.getTagName());
            }
        }
        return names;
    }

    /** The text of the first descendant element named {@code name}, or null. */
    public static String text(org.w3c.dom.Element e, String name) {
        var found = e.getElementsByTagName(name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }
}
