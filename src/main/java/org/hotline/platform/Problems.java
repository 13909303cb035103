package org.hotline.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one shape of every error the hotline answers, RFC 9457 problem details in Chinese, and the titles and
 * details for the statuses the framework and the servlet container produce themselves. Used by the controller
 * advice, the error page (errors outside Spring MVC) and Tomcat's error report (errors before the application).
 *
 * <p>API clients always get {@code application/problem+json}. A browser asking for a page outside the API gets
 * the same problem as a page: {@link #wantsPage} is the one place that decides which, for the whole platform, and
 * {@link ProblemResponses} writes the answer, in the console's layout when the console provides its
 * {@link ProblemPage}. Only Tomcat's error report, before the application, falls back to the bare page here.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://hotline.example/problems/";

    /** Paths whose clients are programs: always problem+json, whatever they accept. */
    private static final List<String> API_PATHS = List.of("/api/", "/open311/", "/actuator", "/v3/api-docs");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** A problem detail with the hotline's type URI. */
    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return body;
    }

    /** The problem for a bare status, with the title and a general detail in Chinese. */
    public static ProblemDetail of(int status) {
        return of(HttpStatusCode.valueOf(status), type(status), title(status), detail(status));
    }

    public static String type(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 408 -> "request-timeout";
            case 411 -> "length-required";
            case 413 -> "too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "未登录或登录失效";
            case 403 -> "无权操作";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方法";
            case 406 -> "无法提供所要求的格式";
            case 408 -> "请求超时";
            case 409 -> "操作被拒绝";
            case 411 -> "缺少内容长度";
            case 413 -> "请求内容过大";
            case 414 -> "请求地址过长";
            case 415 -> "不支持的内容类型";
            case 431 -> "请求头过大";
            case 503 -> "服务暂不可用";
            default -> status >= 500 ? "服务器内部错误" : "请求有误";
        };
    }

    public static String detail(int status) {
        return switch (status) {
            case 400 -> "请求不符合 HTTP 规范（地址、请求头或请求体格式有误），无法处理";
            case 401 -> "请先登录：使用令牌（Authorization: Bearer）或用户名和密码（HTTP Basic）访问";
            case 403 -> "当前角色无权访问此地址";
            case 404 -> "请求的地址不存在";
            case 405 -> "此地址不支持该请求方法";
            case 406 -> "此地址只能以 JSON 格式返回";
            case 408 -> "请求未在规定时间内发送完毕";
            case 411 -> "请求须注明 Content-Length";
            case 413 -> "请求内容超过大小限制";
            case 414 -> "请求地址超过长度限制";
            case 415 -> "不支持请求体的内容类型";
            case 431 -> "请求头超过大小限制";
            case 503 -> "服务暂不可用，请稍后重试";
            default -> status >= 500 ? "服务器内部错误，已记录" : "请求无法处理";
        };
    }

    /**
     * Whether the caller is a person in a browser asking for a page rather than a program asking for data: a path
     * outside the API ({@code path} as requested, with or without the context path), and an Accept header that
     * names HTML and not JSON, or an htmx request from a console page (htmx swaps HTML, and names no type). The
     * one decision between a page and problem+json, for the controllers' errors, the error page and the filters.
     */
    public static boolean wantsPage(HttpServletRequest request, String path) {
        if (path == null) {
            return false;
        }
        String context = request.getContextPath();
        String inApp = context != null && !context.isEmpty() && path.startsWith(context)
                ? path.substring(context.length()) : path;
        if (API_PATHS.stream().anyMatch(inApp::startsWith)) {
            return false;
        }
        if ("true".equals(request.getHeader("HX-Request"))) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !accept.contains("json");
    }

    /** A problem as the text of an answer and its content type. */
    record Rendered(String contentType, String text) {
    }

    /** The problem as JSON, or as the bare page for a browser asking for one (see {@link #wantsPage}). */
    static Rendered render(ProblemDetail problem, HttpServletRequest request, String path) throws IOException {
        if (wantsPage(request, path)) {
            return new Rendered(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8", page(problem));
        }
        return new Rendered(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new String(json(problem, path), StandardCharsets.UTF_8));
    }

    /**
     * Writes the problem as problem+json, bypassing content negotiation (a bad Accept must not hide the error).
     * Where a browser may be asking, use {@link ProblemResponses}, which decides between this and a page.
     */
    static void writeJson(HttpServletResponse response, ProblemDetail problem, String path) throws IOException {
        write(response, problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, json(problem, path));
    }

    /** Writes the problem as the bare page: where no better page is to be had. */
    static void writePage(HttpServletResponse response, ProblemDetail problem) throws IOException {
        write(response, problem.getStatus(), MediaType.TEXT_HTML_VALUE + ";charset=UTF-8",
                page(problem).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpServletResponse response, int status, String contentType, byte[] body)
            throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(contentType);
        try {
            response.getOutputStream().write(body);
        } catch (IllegalStateException writerInUse) {
            // a page that failed halfway took the writer; the buffer was reset, so the writer still serves
            response.getWriter().write(new String(body, StandardCharsets.UTF_8));
        }
    }

    static byte[] json(ProblemDetail problem, String instance) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (instance != null) {
            body.put("instance", instance);
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return JSON.writeValueAsBytes(body);
    }

    static String page(ProblemDetail problem) {
        String title = HtmlUtils.htmlEscape(String.valueOf(problem.getTitle()));
        return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><h1>" + problem.getStatus() + " " + title + "</h1><p>"
                + HtmlUtils.htmlEscape(String.valueOf(problem.getDetail())) + "</p></body></html>";
    }
}
