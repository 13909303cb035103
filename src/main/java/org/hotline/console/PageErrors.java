package org.hotline.console;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.hotline.platform.ConflictException;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;

/**
 * What went wrong with a form, as a page shows it: bad input next to its field (400), a rule's refusal as an
 * alert with the rule's own reason (409, or 403 when it is about who asks). Made from the same exceptions the
 * REST API turns into problem details, so a page and the API refuse the same things with the same words.
 * Templates read it as {@code pageErrors} (see the fragments {@code fieldError} and {@code alerts}).
 */
public final class PageErrors {

    /** The model attribute the fragments read. */
    public static final String ATTRIBUTE = "pageErrors";

    private final Map<String, String> fields;
    private final String code;
    private final String rejection;
    private final HttpStatus status;

    private PageErrors(Map<String, String> fields, String code, String rejection, HttpStatus status) {
        this.fields = Collections.unmodifiableMap(fields);
        this.code = code;
        this.rejection = rejection;
        this.status = status;
    }

    private static final PageErrors NONE = new PageErrors(Map.of(), null, null, HttpStatus.OK);

    /** Nothing wrong: what a page shows before anything was submitted. */
    public static PageErrors none() {
        return NONE;
    }

    /** One field and what is wrong with it. */
    public static PageErrors field(String field, String problem) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(field, problem);
        return new PageErrors(fields, "invalid-input", null, HttpStatus.BAD_REQUEST);
    }

    /** Several fields and what is wrong with each, e.g. a form with a row per item; none: {@link #none()}. */
    public static PageErrors fields(Map<String, String> problems) {
        return problems.isEmpty() ? NONE
                : new PageErrors(new LinkedHashMap<>(problems), "invalid-input", null, HttpStatus.BAD_REQUEST);
    }

    /** A refusal that is nobody's typing mistake, with the reason the user reads. */
    public static PageErrors rejected(String code, String reason, HttpStatus status) {
        return new PageErrors(Map.of(), code, reason, status);
    }

    /**
     * The page's reading of an exception a service threw, or empty for one that is not the user's to fix (a bug,
     * which must go on to the 500 page).
     */
    public static Optional<PageErrors> of(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return Optional.of(field(invalid.field(), invalid.getMessage()));
        }
        if (e instanceof ConstraintViolationException violations) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (ConstraintViolation<?> v : violations.getConstraintViolations()) {
                fields.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
            }
            return Optional.of(new PageErrors(fields, "invalid-input", null, HttpStatus.BAD_REQUEST));
        }
        if (e instanceof ConflictException conflict) {
            return Optional.of(rejected(conflict.code(), conflict.getMessage(), HttpStatus.CONFLICT));
        }
        if (e instanceof ForbiddenException forbidden) {
            return Optional.of(rejected(forbidden.code(), forbidden.getMessage(), HttpStatus.FORBIDDEN));
        }
        if (e instanceof OptimisticLockingFailureException) {
            return Optional.of(rejected("concurrent-change", "工单已被其他用户修改，请刷新后重试", HttpStatus.CONFLICT));
        }
        return Optional.empty();
    }

    /**
     * The same refusal shown next to the field it is about (a wrong password under the password), keeping its code
     * and status; for a form that knows which of its fields a rule's code concerns.
     */
    public PageErrors at(String field) {
        if (rejection == null) {
            return this;
        }
        Map<String, String> one = new LinkedHashMap<>();
        one.put(field, rejection);
        return new PageErrors(one, code, null, status);
    }

    public boolean isEmpty() {
        return fields.isEmpty() && rejection == null;
    }

    /**
     * For a field of the form that was submitted ({@code mine}): "true" when it has an error, for the input's
     * {@code aria-invalid}; null (no attribute) otherwise.
     */
    public String invalid(boolean mine, String field) {
        return mine && has(field) ? "true" : null;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String get(String field) {
        return fields.get(field);
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** The rule's reason when a rule refused; null for bad input. */
    public String rejection() {
        return rejection;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }
}
