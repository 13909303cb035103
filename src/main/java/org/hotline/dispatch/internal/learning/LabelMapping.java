package org.hotline.dispatch.internal.learning;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.hotline.dispatch.LabelKind;
import org.hotline.organization.Categories;
import org.hotline.organization.Category;
import org.hotline.organization.Unit;
import org.hotline.organization.Units;

/**
 * Turns the label of an imported row into one our models use, by the rule "what does the history call it":
 * a category code stays that code; a category name of our taxonomy (any level, e.g. 城乡建设) becomes its
 * code; a unit id or unit name becomes a UNIT label (the unit id). Anything else is rejected with a reason
 * the admin can act on. Matching ignores surrounding spaces and full-width forms of the code. Built once per
 * import from one snapshot of the organisation, so a long import does not straddle an admin's change.
 */
final class LabelMapping {

    /** The outcome for one label: mapped, or rejected with the reason shown in the import's report. */
    sealed interface Result {
    }

    record Mapped(String label, LabelKind kind) implements Result {
    }

    record Rejected(String reason) implements Result {
    }

    private final Map<String, String> categoryCodes = new HashMap<>();
    private final Map<String, String> categoryNames = new HashMap<>();
    private final Map<String, String> unitIds = new HashMap<>();
    private final Map<String, String> unitNames = new HashMap<>();

    private LabelMapping() {
    }

    static LabelMapping of(Categories categories, Units units) {
        LabelMapping m = new LabelMapping();
        // a name used at two levels means the broader category: the narrower one is its own better label
        categories.all().stream().sorted(Comparator.comparingInt(Category::level).reversed()).forEach(c -> {
            m.categoryCodes.put(c.code(), c.code());
            m.categoryNames.put(c.name(), c.code());
        });
        for (Unit u : units.all()) {
            m.unitIds.put(u.id().value(), u.id().value());
            m.unitNames.put(u.name(), u.id().value());
        }
        return m;
    }

    Result map(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Rejected("缺少标签");
        }
        String label = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC).strip();
        String code = categoryCodes.get(label);
        if (code != null) {
            return new Mapped(code, LabelKind.CATEGORY);
        }
        code = categoryNames.get(label);
        if (code != null) {
            return new Mapped(code, LabelKind.CATEGORY);
        }
        String unit = unitIds.get(label);
        if (unit == null) {
            unit = unitNames.get(label);
        }
        if (unit != null) {
            return new Mapped(unit, LabelKind.UNIT);
        }
        return new Rejected("标签「" + shorten(label) + "」既不是分类代码或分类名称，也不是单位编号或单位名称");
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
