package org.hotline.platform;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The text of a request outside its JSON body, checked before any controller reads it: query parameters, form
 * and multipart fields, uploaded files' names and headers. (JSON bodies are checked as they are parsed, see
 * {@link JsonBodies}.) Refusals name the parameter, field or header and change nothing.
 *
 * <ul>
 * <li>The query string is decoded strictly: a bad percent escape or bytes that are not UTF-8 are refused where
 * the servlet container would silently drop the parameter or replace the bytes with U+FFFD.</li>
 * <li>Every parameter name and value, every variable of the path ({@code /orders/{number}}) and every uploaded
 * file's name passes {@link TextChecks}.</li>
 * <li>Every header is free of control characters. A header the endpoint reads ({@code @RequestHeader}, e.g.
 * {@code Idempotency-Key}, {@code If-Match}) must also be printable ASCII, as HTTP header values are: the
 * container reads header bytes as ISO-8859-1, so any other byte would reach the controller as mojibake. Headers
 * the hotline never reads may carry any bytes (a User-Agent with Chinese in it is harmless).</li>
 * </ul>
 */
class RequestChecks implements HandlerInterceptor {

    /** Tomcat's marker for parameters it could not parse (bad escapes, over its limits) and so left out. */
    private static final String PARAMETERS_FAILED = "org.apache.catalina.parameter_parse_failed";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        checkQuery(request.getQueryString());
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            TextChecks.check(p.getKey(), p.getKey());
            for (String value : p.getValue()) {
                TextChecks.check(p.getKey(), value);
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path) {
            path.forEach((name, value) -> TextChecks.check(String.valueOf(name), String.valueOf(value)));
        }
        if (request.getAttribute(PARAMETERS_FAILED) != null) {
            throw new InvalidInputException("body", "表单内容无法解析（编码错误或超过大小限制）");
        }
        if (request instanceof MultipartRequest multipart) {
            for (Map.Entry<String, List<MultipartFile>> files : multipart.getMultiFileMap().entrySet()) {
                for (MultipartFile file : files.getValue()) {
                    String problem = TextChecks.problem(file.getOriginalFilename());
                    if (problem != null) {
                        throw new InvalidInputException(files.getKey(), "文件名" + problem);
                    }
                }
            }
        }
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements();) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements();) {
                String problem = TextChecks.problem(values.nextElement());
                if (problem != null) {
                    throw new InvalidInputException(name, "请求头" + problem);
                }
            }
        }
        if (handler instanceof HandlerMethod method) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
                String name = header == null ? null : !header.name().isEmpty() ? header.name()
                        : !header.value().isEmpty() ? header.value() : parameter.getParameterName();
                if (name != null) {
                    checkAscii(name, request.getHeaders(name));
                }
            }
        }
        return true;
    }

    private static void checkAscii(String name, Enumeration<String> values) {
        while (values.hasMoreElements()) {
            String value = values.nextElement();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 && c != '\t' || c > 0x7E) {
                    throw new InvalidInputException(name, "请求头只能包含 ASCII 可见字符（不能有中文、全角符号或表情）");
                }
            }
        }
    }

    /** Decodes the raw query string strictly, refusing what the container would drop or replace silently. */
    static void checkQuery(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName, rawName);
            if (eq >= 0) {
                decode(name, pair.substring(eq + 1));
            }
        }
    }

    private static String decode(String field, String raw) {
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new InvalidInputException(printable(field), "查询参数含有无效的百分号编码（% 后应为两位十六进制数）");
                }
                bytes[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                bytes[n++] = ' ';
            } else if (c > 0x7F) {
                // the container refuses raw non-ASCII bytes in the request line before we get here
                throw new InvalidInputException(printable(field), "查询参数应使用百分号编码");
            } else {
                bytes[n++] = (byte) c;
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer text = utf8.decode(ByteBuffer.wrap(bytes, 0, n));
            TextChecks.check(printable(field), text);
            return text.toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(printable(field), "查询参数不是有效的 UTF-8 编码");
        }
    }

    /** A field name fit to be shown back: a name with bad bytes is shown as "query". */
    private static String printable(String field) {
        return TextChecks.problem(field) == null && field.length() <= 100 ? field : "query";
    }
}
