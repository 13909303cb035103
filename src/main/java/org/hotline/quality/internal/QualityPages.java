package org.hotline.quality.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.InvalidInputException;
import org.hotline.workorder.OrderNumber;
import org.springframework.stereotype.Component;

/**
 * What the quality loop's console pages (审核, 回访, 一把手抽访) share: reading their forms the way the REST
 * requests are read (the same constraints, the same field names), and names for the codes they show.
 */
@Component
class QualityPages {

    private final Units units;
    private final Categories categories;
    private final Validator validator;

    QualityPages(Units units, Categories categories, Validator validator) {
        this.units = units;
        this.categories = categories;
        this.validator = validator;
    }

    /** One call about a reply, as the pages list them: "第 2 次回访 · 未接通". */
    record AttemptRow(int attempt, java.time.Instant at, String agent, String result, String comment) {
    }

    static List<AttemptRow> attempts(List<QualityViews.AttemptView> attempts) {
        return attempts.stream().map(a -> new AttemptRow(a.attempt(), a.at(), a.agent(),
                new org.hotline.quality.CallResult(a.reached(), a.resolved(),
                        a.satisfaction() == null ? null : org.hotline.quality.Satisfaction.valueOf(a.satisfaction()),
                        a.comment()).label(), a.comment())).toList();
    }

    /** The unit's name, or its code when it is not (or no longer) in the organisation. */
    String unitName(String unit) {
        return unit == null ? null : units.find(new UnitId(unit)).map(Unit::name).orElse(unit);
    }

    String unitName(UnitId unit) {
        return unit == null ? null : unitName(unit.value());
    }

    Function<String, String> unitNames() {
        return this::unitName;
    }

    /** "积水（09.05.03）"; null for no category. */
    String category(String code) {
        if (code == null) {
            return null;
        }
        return categories.find(code).map(Category::name).map(name -> name + "（" + code + "）").orElse(code);
    }

    /** The category's own name, for a sentence: "积水". */
    String categoryName(String code) {
        return code == null ? null : categories.find(code).map(Category::name).orElse(null);
    }

    List<Unit> activeUnits() {
        return units.all().stream().filter(Unit::active)
                .sorted(java.util.Comparator.comparing(u -> u.id().value())).toList();
    }

    /** Checks a request record with its own constraints, as {@code @Valid} does on the REST side. */
    <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    /** An order number from an address: one that cannot exist is "not found", as on the REST side. */
    static OrderNumber number(String number) {
        return QualityController.number(number);
    }

    /** A page number from an address: anything but a page is the first page. */
    static int page(Integer page) {
        return page == null || page < 0 ? 0 : page;
    }

    /** true, false, or null for a choice not made; anything else is not a choice the form offers. */
    static Boolean yesNo(Map<String, String> form, String param, String field) {
        String value = form.get(param);
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidInputException(field, "请从列表中选择");
        };
    }

    static <E extends Enum<E>> E choice(Class<E> type, Map<String, String> form, String param, String field) {
        String value = form.get(param);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "请从列表中选择");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The start of a text for a sentence read aloud: at most {@code max} characters, "…" when cut. */
    static String excerpt(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.codePointCount(0, flat.length()) <= max ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, max)) + "…";
    }

    /** A page number posted back by a form; none when it is not one. */
    static Integer pageOf(String page) {
        try {
            return page == null || page.isBlank() ? null : Integer.valueOf(page.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The item to select once the selected one is dealt with and leaves its queue: the one after it in the list,
     * or the one before for the last; the first when it was not in the list.
     */
    static String next(List<String> numbers, String selected) {
        int i = numbers.indexOf(selected);
        if (i < 0) {
            return numbers.isEmpty() ? null : numbers.get(0);
        }
        return i + 1 < numbers.size() ? numbers.get(i + 1) : i > 0 ? numbers.get(i - 1) : null;
    }

    /** Whether a request came from htmx for a part of the page (not a boosted whole page). */
    static boolean partial(String htmxRequest, String htmxBoosted) {
        return "true".equals(htmxRequest) && !"true".equals(htmxBoosted);
    }
}
