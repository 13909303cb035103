package org.hotline.statistics;

import java.util.Optional;

import org.hotline.organization.Categories;
import org.hotline.organization.Category;

/**
 * Which row of a category breakdown an order counts in, at the taxonomy level asked for (1 is the broadest,
 * 3 the finest). An order counts under its category's ancestor at that level: at level 1 "01.02.01 夜间施工扰民"
 * counts as "01 城乡建设". An order whose category is broader than the level (registered as "01" only) keeps its
 * own row, marked 未细分, rather than being guessed into a sub-category; an order without a category counts as
 * 未分类. So every order lands in exactly one row and the rows add up to the total.
 */
public final class CategoryRollUp {

    public static final String UNCATEGORISED = "未分类";
    public static final String NOT_SUBDIVIDED = "（未细分）";

    private final Categories categories;
    private final int level;

    public CategoryRollUp(Categories categories, int level) {
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("the taxonomy has levels 1 to 3, not " + level);
        }
        this.categories = categories;
        this.level = level;
    }

    /** The row for an order registered under {@code code} (null: no category). */
    public Row rowOf(String code) {
        if (code == null) {
            return new Row(null, UNCATEGORISED);
        }
        Optional<Category> found = categories.find(code);
        if (found.isEmpty()) {
            // A code the taxonomy never had (imported history): shown as it is, never dropped.
            return new Row(code, code);
        }
        Category category = found.get();
        if (category.level() < level) {
            return new Row(category.code(), category.name() + NOT_SUBDIVIDED);
        }
        while (category.level() > level && category.parentCode() != null) {
            Optional<Category> parent = categories.find(category.parentCode());
            if (parent.isEmpty()) {
                break;
            }
            category = parent.get();
        }
        return new Row(category.code(), category.name());
    }

    /** A row of the breakdown: the category code (null for 未分类) and its Chinese name. */
    public record Row(String code, String label) {
    }
}
