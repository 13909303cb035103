package org.hotline.quality;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import org.hotline.workorder.Urgency;

/**
 * Which review levels a reply needs, by the order's category and urgency. The rules are tried in order and the
 * first that matches wins; when none does, the default levels apply. For example: urgent orders and category
 * 01 (城乡建设) need all three levels, everything else only the district center.
 *
 * <p>A rule's category matches the code itself and everything below it: {@code 01} (or {@code 01.*}) matches
 * {@code 01}, {@code 01.02} and {@code 01.02.01}, but not {@code 010}. A rule without a category matches every
 * category, one without urgency every urgency. However a rule lists its levels, they are passed in the order of
 * {@link ReviewLevel}: the unit first, the city last.
 */
public final class ReviewLevels {

    /** One line of the configuration. {@code category} and {@code urgency} may be null (= any). */
    public record Rule(String category, Urgency urgency, List<ReviewLevel> levels) {

        public Rule {
            category = category == null || category.isBlank() ? null : stripWildcard(category.strip());
            levels = inOrder(levels);
        }

        boolean matches(String categoryCode, Urgency orderUrgency) {
            return (urgency == null || urgency == orderUrgency)
                    && (category == null || categoryCode != null
                            && (categoryCode.equals(category) || categoryCode.startsWith(category + ".")));
        }

        private static String stripWildcard(String category) {
            return category.endsWith(".*") ? category.substring(0, category.length() - 2) : category;
        }
    }

    private final List<Rule> rules;
    private final List<ReviewLevel> defaultLevels;

    public ReviewLevels(List<Rule> rules, List<ReviewLevel> defaultLevels) {
        this.rules = List.copyOf(rules == null ? List.of() : rules);
        this.defaultLevels = inOrder(Objects.requireNonNull(defaultLevels, "defaultLevels"));
    }

    /** The levels a reply to an order of this category and urgency passes, in order; empty means no review. */
    public List<ReviewLevel> levelsFor(String categoryCode, Urgency urgency) {
        Urgency u = urgency == null ? Urgency.NORMAL : urgency;
        for (Rule rule : rules) {
            if (rule.matches(categoryCode, u)) {
                return rule.levels();
            }
        }
        return defaultLevels;
    }

    private static List<ReviewLevel> inOrder(List<ReviewLevel> levels) {
        if (levels == null || levels.isEmpty()) {
            return List.of();
        }
        return List.copyOf(EnumSet.copyOf(levels));
    }
}
