package org.hotline.open311.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hotline.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Open311 GeoReport v2 under {@code /open311/v2}: every resource in {@code .xml} (the required format, and the
 * answer to any other extension) and {@code .json}. The paths are matched here, method and extension included,
 * so that every answer under {@code /open311}, an unknown path or a wrong method too, is in the specification's
 * shape: errors are {@code <errors><error><code>…</code><description>…</description></error></errors>} (or the
 * JSON list), with the HTTP status as the code, described in Chinese, the field named.
 */
@RestController
@Hidden
class Open311Controller {

    private static final Logger log = LoggerFactory.getLogger(Open311Controller.class);

    static final String BASE = "/open311/v2";
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When the interface last changed, as discovery's changeset tells clients. */
    static final Instant CHANGESET = Instant.parse("2026-12-06T00:00:00Z");

    private final ServiceCatalog catalog;
    private final Open311Intake intake;
    private final Open311Reading reading;
    private final Open311Properties properties;

    Open311Controller(ServiceCatalog catalog, Open311Intake intake, Open311Reading reading,
            Open311Properties properties) {
        this.catalog = catalog;
        this.intake = intake;
        this.reading = reading;
        this.properties = properties;
    }

    private record Resource(String name, Open311Format format) {

        static Resource of(String file) {
            int dot = file.lastIndexOf('.');
            if (dot <= 0) {
                throw Open311Error.notFound("请求的地址不存在：资源名应以 .xml 或 .json 结尾");
            }
            String extension = file.substring(dot + 1);
            if (!extension.equals("xml") && !extension.equals("json")) {
                throw Open311Error.notFound("请求的地址不存在：只提供 .xml 和 .json 两种格式");
            }
            return new Resource(file.substring(0, dot), Open311Format.ofExtension(extension));
        }
    }

    @RequestMapping(BASE + "/{file}")
    void top(@PathVariable String file, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Resource resource = Resource.of(file);
        switch (resource.name()) {
            case "discovery" -> {
                onlyGet(request);
                write(response, 200, resource.format(), "discovery", discovery(request));
            }
            case "services" -> {
                onlyGet(request);
                Open311Intake.checkJurisdiction(properties, Open311Intake.value(request.getParameterMap(),
                        "jurisdiction_id"));
                write(response, 200, resource.format(), "services", services());
            }
            case "requests" -> {
                if (request.getMethod().equals("POST")) {
                    Open311Intake.Filed filed = intake.file(request.getParameterMap(),
                            request.getHeader("Idempotency-Key"));
                    Map<String, Object> answer = new LinkedHashMap<>();
                    if (properties.respondWithToken()) {
                        answer.put("token", filed.token());
                    } else {
                        answer.put("service_request_id", filed.serviceRequestId());
                    }
                    answer.put("service_notice", properties.serviceNotice());
                    answer.put("account_id", filed.accountId());
                    // 201 for a new request, 200 when a retry with the client's id gets the earlier one back
                    write(response, filed.replayed() ? 200 : 201, resource.format(), "service_requests",
                            List.of(answer));
                } else {
                    onlyGet(request, "GET, HEAD, POST");
                    write(response, 200, resource.format(), "service_requests",
                            reading.search(request.getParameterMap()));
                }
            }
            default -> throw Open311Error.notFound("请求的地址不存在：" + abbreviate(file));
        }
    }

    @RequestMapping(BASE + "/services/{file}")
    void definition(@PathVariable String file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Resource resource = Resource.of(file);
        onlyGet(request);
        Open311Intake.checkJurisdiction(properties, Open311Intake.value(request.getParameterMap(), "jurisdiction_id"));
        ServiceCatalog.Service service = catalog.find(resource.name())
                .orElseThrow(() -> Open311Error.notFound("service_code：服务代码 " + abbreviate(resource.name()) + " 不存在"));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", service.code());
        List<Map<String, Object>> attributes = new ArrayList<>();
        int order = 1;
        for (ExtraFacts.Attribute a : service.attributes()) {
            Map<String, Object> attribute = new LinkedHashMap<>();
            attribute.put("variable", true);
            attribute.put("code", a.code());
            attribute.put("datatype", a.datatype());
            attribute.put("required", a.required());
            attribute.put("datatype_description", a.datatype().equals("datetime")
                    ? "带时区的时间，如 2026-12-06T10:00:00+08:00" : a.datatype().equals("number") ? "数字" : null);
            attribute.put("order", order++);
            attribute.put("description", a.description());
            if (a.isList()) {
                List<Map<String, Object>> values = new ArrayList<>();
                for (ExtraFacts.Choice c : a.values()) {
                    Map<String, Object> value = new LinkedHashMap<>();
                    value.put("key", c.key());
                    value.put("name", c.name());
                    values.add(value);
                }
                attribute.put("values", values);
            }
            attributes.add(attribute);
        }
        definition.put("attributes", attributes);
        write(response, 200, resource.format(), "service_definition", definition);
    }

    @RequestMapping(BASE + "/requests/{file}")
    void request(@PathVariable String file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Resource resource = Resource.of(file);
        onlyGet(request);
        Open311Intake.checkJurisdiction(properties, Open311Intake.value(request.getParameterMap(), "jurisdiction_id"));
        write(response, 200, resource.format(), "service_requests", List.of(reading.one(resource.name())));
    }

    @RequestMapping(BASE + "/tokens/{file}")
    void token(@PathVariable String file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Resource resource = Resource.of(file);
        onlyGet(request);
        Open311Intake.checkJurisdiction(properties, Open311Intake.value(request.getParameterMap(), "jurisdiction_id"));
        write(response, 200, resource.format(), "service_requests", List.of(reading.token(resource.name())));
    }

    /** Anything else under /open311: not found, in the specification's shape. */
    @RequestMapping({ "/open311", "/open311/", "/open311/**" })
    void elsewhere(HttpServletRequest request) {
        throw Open311Error.notFound("请求的地址不存在，Open311 GeoReport v2 的地址以 " + BASE + "/ 开头");
    }

    @ExceptionHandler(Open311Error.class)
    void open311Error(Open311Error e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (e.status() == 405) {
            response.setHeader("Allow", e.getMessage().substring(e.getMessage().lastIndexOf('：') + 1));
        }
        if (e.status() == 429) {
            response.setHeader("Retry-After", "60");
        }
        error(request, response, e.status(), e.getMessage());
    }

    /** What the platform's edge checks refuse (control characters in a field, a form that cannot be parsed). */
    @ExceptionHandler(InvalidInputException.class)
    void invalid(InvalidInputException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        error(request, response, 400, e.field() + "：" + e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (e instanceof org.springframework.web.ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            error(request, response, known.getStatusCode().value(), "请求有误，无法处理");
            return;
        }
        log.error("Unexpected error in Open311 {}", request.getRequestURI(), e);
        error(request, response, 500, "服务器内部错误，已记录");
    }

    private static void error(HttpServletRequest request, HttpServletResponse response, int status,
            String description) throws IOException {
        String path = request.getRequestURI();
        Open311Format format = Open311Format.ofExtension(path.substring(path.lastIndexOf('.') + 1));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("description", description);
        write(response, status, format, "errors", List.of(error));
    }

    private static void write(HttpServletResponse response, int status, Open311Format format, String root,
            Object body) throws IOException {
        byte[] bytes = format.write(root, body);
        response.setStatus(status);
        response.setContentType(format.contentType());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void onlyGet(HttpServletRequest request) {
        onlyGet(request, "GET, HEAD");
    }

    private static void onlyGet(HttpServletRequest request, String allowed) {
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            throw Open311Error.methodNotAllowed(request.getMethod(), allowed);
        }
    }

    private List<Map<String, Object>> services() {
        List<Map<String, Object>> services = new ArrayList<>();
        for (ServiceCatalog.Service s : catalog.services()) {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("service_code", s.code());
            service.put("service_name", s.name());
            service.put("description", s.description());
            service.put("metadata", !s.attributes().isEmpty());
            service.put("type", "realtime");
            service.put("keywords", s.keywords());
            service.put("group", s.group());
            services.add(service);
        }
        return services;
    }

    private Map<String, Object> discovery(HttpServletRequest request) {
        String changeset = Open311Format.time(CHANGESET, reading.zone());
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", request.getScheme() + "://" + request.getServerName()
                + (isDefaultPort(request) ? "" : ":" + request.getServerPort()) + request.getContextPath() + BASE);
        endpoint.put("changeset", changeset);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", changeset);
        discovery.put("contact", properties.contact());
        discovery.put("key_service", properties.keyService());
        discovery.put("endpoints", List.of(endpoint));
        return discovery;
    }

    private static boolean isDefaultPort(HttpServletRequest request) {
        return request.getScheme().equals("http") && request.getServerPort() == 80
                || request.getScheme().equals("https") && request.getServerPort() == 443;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
