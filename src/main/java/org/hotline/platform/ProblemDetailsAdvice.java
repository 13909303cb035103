package org.hotline.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.http.converter.HttpMessageNotReadableException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error a client can cause into an RFC 9457 problem detail that names the field and the
 * problem. Clients get 4xx for their mistakes and never a stack trace; a 5xx means a bug of ours.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    static final String TYPE_BASE = "https://hotline.example/problems/";

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误",
                e.getMessage(), List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "未找到", e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        ProblemDetail body = detail(HttpStatus.CONFLICT, e.code(), "操作被拒绝", e.getMessage());
        body.setProperty("code", e.code());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e) {
        ProblemDetail body = detail(HttpStatus.FORBIDDEN, e.code(), "无权操作", e.getMessage());
        body.setProperty("code", e.code());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e) {
        ProblemDetail body = detail(HttpStatus.CONFLICT, "concurrent-change", "并发修改",
                "工单已被其他用户修改，请刷新后重试");
        body.setProperty("code", "concurrent-change");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "无权操作", "当前角色无权执行此操作", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        InvalidInputException reason = find(e, InvalidInputException.class);
        String problem = reason != null ? reason.getMessage()
                : "值「" + abbreviate(String.valueOf(e.getValue())) + "」不是有效的" + typeName(e.getRequiredType());
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误", e.getName() + ": " + problem,
                List.of(new FieldProblem(e.getName(), problem)));
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(jakarta.validation.ConstraintViolationException e) {
        List<FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath().toString();
                    return new FieldProblem(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
                })
                .toList();
        String detail = fields.stream().map(f -> f.field() + ": " + f.problem()).collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误", detail, fields);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), message(f)))
                .toList();
        String detail = fields.stream().map(f -> f.field() + ": " + f.problem()).collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误", detail, fields);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldProblem(r.getMethodParameter().getParameterName(),
                                err.getDefaultMessage())))
                .toList();
        String detail = fields.stream().map(f -> f.field() + ": " + f.problem()).collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误", detail, fields);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误", field + ": 未知字段",
                    List.of(new FieldProblem(field, "未知字段")));
        }
        if (cause instanceof InvalidFormatException f) {
            String field = path(f);
            String problem = "值「" + f.getValue() + "」不是有效的" + typeName(f.getTargetType());
            return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误", field + ": " + problem,
                    List.of(new FieldProblem(field, problem)));
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = path(m);
            String problem = "类型不正确，应为" + typeName(m.getTargetType());
            return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误", field + ": " + problem,
                    List.of(new FieldProblem(field, problem)));
        }
        if (cause instanceof JsonMappingException m && m.getCause() instanceof InvalidInputException i) {
            return invalidInput(i);
        }
        String detail = cause instanceof JsonProcessingException j
                ? "JSON 格式错误（第 " + (j.getLocation() == null ? "?" : j.getLocation().getLineNr()) + " 行）"
                : "请求体缺失或无法解析";
        return problem(HttpStatus.BAD_REQUEST, "malformed-body", "请求体无法解析", detail,
                List.of(new FieldProblem("body", detail)));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "上传文件超过大小限制（" + (ex.getMaxUploadSize() > 0 ? ex.getMaxUploadSize() + " 字节" : "见配置") + "）";
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", "上传文件过大", detail,
                List.of(new FieldProblem("file", detail)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e; // let Spring's own mapping answer with its 4xx
        }
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "服务器内部错误", "服务器内部错误，已记录", List.of());
    }

    /** The first exception of the type in the chain of causes, or null. */
    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static String message(FieldError f) {
        return f.getDefaultMessage() == null ? "无效" : f.getDefaultMessage();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** What a value should have been, in words: never a Java type's name. */
    static String typeName(Class<?> type) {
        if (type == null) {
            return "值";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return "取值（可选：" + java.util.Arrays.stream(constants).map(Object::toString)
                    .collect(Collectors.joining(", ")) + "）";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "列表";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "对象";
        }
        return TYPE_NAMES.getOrDefault(type, "值");
    }

    private static final Map<Class<?>, String> TYPE_NAMES = Map.ofEntries(Map.entry(Integer.class, "整数"),
            Map.entry(int.class, "整数"), Map.entry(Long.class, "整数"), Map.entry(long.class, "整数"),
            Map.entry(Short.class, "整数"), Map.entry(short.class, "整数"), Map.entry(java.math.BigInteger.class, "整数"),
            Map.entry(Double.class, "数字"), Map.entry(double.class, "数字"), Map.entry(Float.class, "数字"),
            Map.entry(float.class, "数字"), Map.entry(java.math.BigDecimal.class, "数字"),
            Map.entry(Boolean.class, "布尔值（true 或 false）"), Map.entry(boolean.class, "布尔值（true 或 false）"),
            Map.entry(String.class, "文本"), Map.entry(java.time.Instant.class, "日期时间"),
            Map.entry(java.time.OffsetDateTime.class, "日期时间"), Map.entry(java.time.LocalDateTime.class, "日期时间"),
            Map.entry(java.time.LocalDate.class, "日期"), Map.entry(java.time.YearMonth.class, "月份"),
            Map.entry(java.time.Duration.class, "时长"), Map.entry(java.util.UUID.class, "标识"));

    static ProblemDetail detail(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return body;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail,
            List<FieldProblem> fields) {
        ProblemDetail body = detail(status, type, title, detail);
        if (!fields.isEmpty()) {
            body.setProperty("errors", fields);
        }
        return ResponseEntity.status(status).body(body);
    }

    /** One field and what is wrong with it, as listed under {@code errors} in the problem detail. */
    record FieldProblem(String field, String problem) {
    }
}
