package org.hotline.open311.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The two formats of GeoReport v2, written exactly as the specification shows them: JSON with the lists at the top
 * level ({@code [{"service_code":...}]}), XML with a declaration naming UTF-8 and a root element wrapping one
 * element per item ({@code <services><service>...}). A response is built once as maps and lists (keys in the
 * specification's order, null for a field without a value) and written in either.
 */
enum Open311Format {
    JSON("application/json;charset=UTF-8"), XML("text/xml;charset=UTF-8");

    /** W3C datetime with seconds and the zone's offset (+08:00, or Z at UTC), as Open311 clients parse it. */
    static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    /** The element of each item of a list, by the list's element name. */
    private static final Map<String, String> ITEM = Map.of("services", "service", "service_requests", "request",
            "errors", "error", "attributes", "attribute", "values", "value", "endpoints", "endpoint", "formats",
            "format");

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final String contentType;

    Open311Format(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /** The format a resource name asks for: {@code .json} is JSON, everything else the required XML. */
    static Open311Format ofExtension(String extension) {
        return "json".equalsIgnoreCase(extension) ? JSON : XML;
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? null : W3C.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /**
     * The document: {@code root} names the XML root (and, for a list, its items); JSON shows the body as it is.
     * {@code body} is a {@code List} of maps or a {@code Map}; values are text, numbers, booleans, lists or maps.
     */
    byte[] write(String root, Object body) {
        if (this == JSON) {
            try {
                return MAPPER.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an Open311 response that cannot be written as JSON", e);
            }
        }
        StringBuilder xml = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        element(xml, root, body);
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(StringBuilder xml, String name, Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            xml.append('<').append(name).append("/>");
            return;
        }
        xml.append('<').append(name).append('>');
        if (value instanceof List<?> items) {
            String item = ITEM.getOrDefault(name, "item");
            for (Object v : items) {
                element(xml, item, v);
            }
        } else if (value instanceof Map<?, ?> fields) {
            fields.forEach((k, v) -> element(xml, String.valueOf(k), v));
        } else {
            text(xml, String.valueOf(value));
        }
        xml.append("</").append(name).append('>');
    }

    private static void text(StringBuilder xml, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                case '\r' -> xml.append("&#13;");
                default -> xml.append(c);
            }
        }
    }
}
