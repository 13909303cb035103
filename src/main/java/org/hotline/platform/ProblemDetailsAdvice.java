package org.hotline.platform;

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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

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

    private final ProblemResponses responses;

    ProblemDetailsAdvice(ProblemResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e) {
        // "field: problem", as for every other refusal that names a field
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误",
                e.field() == null ? e.getMessage() : e.field() + ": " + e.getMessage(),
                List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "未找到", e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        ProblemDetail body = detail(HttpStatus.CONFLICT, e.code(), "操作被拒绝", e.getMessage());
        body.setProperty("code", e.code());
        return answer(body, new HttpHeaders());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e) {
        ProblemDetail body = detail(HttpStatus.FORBIDDEN, e.code(), "无权操作", e.getMessage());
        body.setProperty("code", e.code());
        return answer(body, new HttpHeaders());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e) {
        ProblemDetail body = detail(HttpStatus.CONFLICT, "concurrent-change", "并发修改",
                "工单已被其他用户修改，请刷新后重试");
        body.setProperty("code", "concurrent-change");
        return answer(body, new HttpHeaders());
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

    /**
     * A multipart body the container could not take apart: no boundary, a part that never ends, a file name with
     * a NUL. (Too large is {@link #handleMaxUploadSizeExceededException}.)
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> badMultipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return handleMaxUploadSizeExceededException(tooLarge, new HttpHeaders(), HttpStatus.PAYLOAD_TOO_LARGE, null);
        }
        if (find(e, org.apache.tomcat.util.http.fileupload.InvalidFileNameException.class) != null) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误", "file: 文件名含有不允许的字符",
                    List.of(new FieldProblem("file", "文件名含有不允许的字符")));
        }
        String detail = "上传内容无法解析：应为 multipart/form-data，带 boundary，且每一部分完整";
        return problem(HttpStatus.BAD_REQUEST, "malformed-body", "请求体无法解析", detail,
                List.of(new FieldProblem("body", detail)));
    }

    /** A request the security firewall refused once a controller read the offending part. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", Problems.title(400), Problems.detail(400), List.of());
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
        BodySizeLimit.BodyTooLarge tooLarge = find(ex, BodySizeLimit.BodyTooLarge.class);
        if (tooLarge != null) {
            String detail = BodySizeLimit.problem(tooLarge.limit());
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", Problems.title(413), detail, List.of());
        }
        JsonBodies.JsonInputProblem bad = find(ex, JsonBodies.JsonInputProblem.class);
        if (bad != null) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误", bad.field() + ": " + bad.problem(),
                    List.of(new FieldProblem(bad.field(), bad.problem())));
        }
        Throwable cause = ex.getCause();
        InvalidInputException i = find(cause, InvalidInputException.class);
        if (cause instanceof JsonMappingException m && i != null) {
            String field = m.getPath().isEmpty() ? i.field() : path(m);
            return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误", field + ": " + i.getMessage(),
                    List.of(new FieldProblem(field, i.getMessage())));
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误", field + ": 未知字段",
                    List.of(new FieldProblem(field, "未知字段")));
        }
        if (cause instanceof InvalidFormatException f) {
            String field = path(f);
            String problem = "值「" + abbreviate(String.valueOf(f.getValue())) + "」不是有效的" + typeName(f.getTargetType());
            return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误", field + ": " + problem,
                    List.of(new FieldProblem(field, problem)));
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = path(m);
            String problem = "类型不正确，应为" + typeName(m.getTargetType());
            return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误", field + ": " + problem,
                    List.of(new FieldProblem(field, problem)));
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m);
            String problem = find(m, InputCoercionException.class) != null ? "数值超出允许的范围" : "值不正确";
            return problem(HttpStatus.BAD_REQUEST, "invalid-input", "请求内容有误", field + ": " + problem,
                    List.of(new FieldProblem(field, problem)));
        }
        String detail;
        if (cause instanceof MismatchedInputException m) {
            String expected = m.getTargetType() == null ? "对象" : typeName(m.getTargetType());
            detail = "请求体应为" + (expected.equals("对象") || expected.equals("列表") ? " JSON " : "") + expected;
        } else if (find(ex, StreamConstraintsException.class) != null) {
            detail = "JSON 嵌套过深、数字过长或文本过长";
        } else if (cause instanceof JsonProcessingException j) {
            detail = "JSON 格式错误或不是 UTF-8 编码" + (j.getLocation() == null ? ""
                    : "（第 " + j.getLocation().getLineNr() + " 行第 " + j.getLocation().getColumnNr() + " 列）");
        } else {
            detail = "缺少请求体，或请求体无法读取";
        }
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

    /**
     * Every other error Spring MVC answers itself (405, 406, 415, an unknown path, a missing parameter or part):
     * the same shape, in Chinese, naming the field where there is one.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        int status = statusCode.value();
        String detail = Problems.detail(status);
        FieldProblem field = null;
        if (ex instanceof HttpRequestMethodNotSupportedException m) {
            detail = "此地址不支持 " + m.getMethod() + " 方法"
                    + (m.getSupportedMethods() == null ? "" : "，可用：" + String.join("、", m.getSupportedMethods()));
        } else if (ex instanceof HttpMediaTypeNotAcceptableException a) {
            detail = "无法按所要求的格式（Accept）返回" + (a.getSupportedMediaTypes().isEmpty() ? ""
                    : "，可返回：" + mediaTypes(a.getSupportedMediaTypes()));
        } else if (ex instanceof HttpMediaTypeNotSupportedException u) {
            detail = (u.getContentType() == null ? "请求未注明内容类型（Content-Type）" : "不支持的内容类型 " + u.getContentType())
                    + (u.getSupportedMediaTypes().isEmpty() ? "" : "，应为：" + mediaTypes(u.getSupportedMediaTypes()));
            field = new FieldProblem("Content-Type", detail);
        } else if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            detail = "请求的地址不存在";
        } else if (ex instanceof MissingServletRequestParameterException p) {
            field = new FieldProblem(p.getParameterName(), "必须填写");
        } else if (ex instanceof MissingServletRequestPartException p) {
            field = new FieldProblem(p.getRequestPartName(), "必须上传");
        } else if (ex instanceof MissingRequestHeaderException h) {
            field = new FieldProblem(h.getHeaderName(), "缺少请求头");
        } else if (ex instanceof TypeMismatchException t && t.getPropertyName() != null) {
            field = new FieldProblem(t.getPropertyName(), "不是有效的" + typeName(t.getRequiredType()));
        } else if (ex instanceof ServletRequestBindingException) {
            detail = "请求参数不完整或有误";
        } else if (ex instanceof AsyncRequestTimeoutException) {
            detail = "处理超时，请稍后重试";
        }
        if (status >= 500) {
            log.error("Unexpected error", ex);
        }
        if (field != null && detail.equals(Problems.detail(status))) {
            detail = field.field() + ": " + field.problem();
        }
        ProblemDetail problem = Problems.of(statusCode, Problems.type(status), Problems.title(status), detail);
        if (field != null) {
            problem.setProperty("errors", List.of(field));
        }
        ResponseEntity<Object> answer = answer(problem, headers);
        if (answer == null) {
            return null; // a page, already written
        }
        return super.handleExceptionInternal(ex, answer.getBody(), answer.getHeaders(), statusCode, request);
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

    private static String mediaTypes(List<MediaType> types) {
        return types.stream().map(MediaType::toString).collect(Collectors.joining("、"));
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
        return Problems.of(status, type, title, detail);
    }

    private ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail,
            List<FieldProblem> fields) {
        ProblemDetail body = detail(status, type, title, detail);
        if (!fields.isEmpty()) {
            body.setProperty("errors", fields);
        }
        return answer(body, new HttpHeaders());
    }

    /**
     * The answer, with its content type set so that no Accept header can turn the error into a 406: problem+json,
     * or, for a browser asking for a page outside the API ({@link Problems#wantsPage}), the same problem as the
     * console's page, written here (the answer is then null: nothing left for Spring to write).
     */
    private ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
                && current.getResponse() != null
                && Problems.wantsPage(current.getRequest(), current.getRequest().getRequestURI())) {
            headers.forEach((name, values) -> values.forEach(v -> current.getResponse().addHeader(name, v)));
            try {
                responses.writePage(current.getRequest(), current.getResponse(), problem);
            } catch (java.io.IOException e) {
                log.debug("The error page could not be sent: {}", e.getMessage());
            }
            return null;
        }
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(headers);
        answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(answer).body(problem);
    }

    /** One field and what is wrong with it, as listed under {@code errors} in the problem detail. */
    record FieldProblem(String field, String problem) {
    }
}
