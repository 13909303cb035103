package org.hotline.dispatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.hotline.organization.UnitId;
import org.hotline.workorder.Urgency;

/**
 * One line of the routing rules (派单规则): when an order looks like this, send it there. Rules are tried in
 * order and the first whose conditions all hold decides; an inactive rule is skipped. This is where the
 * center writes down what the category table alone cannot say: wage arrears go to the labour bureau with the
 * street office helping, street vending inside the city to law enforcement but in a town to the town itself,
 * anything hinting at suicide to a person at once.
 */
public record RoutingRule(String name, boolean active, When when, Then then) {

    public RoutingRule {
        Objects.requireNonNull(name, "name");
        when = when == null ? When.always() : when;
        Objects.requireNonNull(then, "then");
    }

    /**
     * The conditions, all of which must hold; an empty one holds always. {@code categoryPrefix} matches the
     * code and everything below it (09.01 matches 09.01.01, not 09.010); {@code keywords} match when the text
     * contains any of them; {@code areas} when the territorial unit found from the address is one of them;
     * {@code urgency} when the order has that urgency.
     */
    public record When(String categoryPrefix, List<String> keywords, List<UnitId> areas, Urgency urgency) {

        public When {
            keywords = copy(keywords);
            areas = copy(areas);
        }

        public static When always() {
            return new When(null, List.of(), List.of(), null);
        }

        /** {@code text} is the order's text, lowered for the keyword comparison at most once for all rules. */
        boolean holdsFor(RoutingFacts facts, LoweredText text) {
            return holdsFor(facts, text, null, 0);
        }

        /**
         * The same, with the keyword answer kept in {@code memo[at]} (0 unknown, 1 found, 2 not): the keywords
         * do not depend on the category, and one order is routed for each of its likely categories.
         */
        boolean holdsFor(RoutingFacts facts, LoweredText text, byte[] memo, int at) {
            if (categoryPrefix != null && !isWithin(facts.categoryCode(), categoryPrefix)) {
                return false;
            }
            if (!keywords.isEmpty()) {
                byte known = memo == null ? 0 : memo[at];
                if (known == 0) {
                    known = firstKeywordIn(text) == null ? (byte) 2 : (byte) 1;
                    if (memo != null) {
                        memo[at] = known;
                    }
                }
                if (known == 2) {
                    return false;
                }
            }
            if (!areas.isEmpty() && (facts.territorialUnit() == null || !areas.contains(facts.territorialUnit()))) {
                return false;
            }
            return urgency == null || urgency == facts.urgency();
        }

        /** The first keyword the text contains (latin letters compared without case), or null. */
        String firstKeywordIn(LoweredText lowered) {
            String text = lowered.text();
            if (text == null || text.isEmpty()) {
                return null;
            }
            for (String keyword : keywords) {
                if (keyword == null || keyword.isEmpty()) {
                    continue;
                }
                if (text.contains(keyword)) {
                    return keyword;
                }
                if (onlyChineseCharacters(keyword)) {
                    // lowering the text changes no Chinese character and puts none where there was none: a
                    // keyword of them is in the lowered text exactly when it is in the text
                    continue;
                }
                String lowerText = lowered.lower();
                String lowerKeyword = lowerLatin(keyword);
                // identity checks: the second search is needed only when lowering changed something
                if ((lowerText != text || lowerKeyword != keyword) && lowerText.contains(lowerKeyword)) {
                    return keyword;
                }
            }
            return null;
        }
    }

    /**
     * An order's text and, once a keyword needs it, the same with latin capitals lowered. Most keywords are
     * Chinese and never need it; lowering a long text for every order cost more than all keyword searches.
     */
    static final class LoweredText {
        private final String text;
        private String lower;

        LoweredText(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }

        String lower() {
            if (lower == null && text != null) {
                lower = lowerLatin(text);
            }
            return lower;
        }
    }

    private static boolean onlyChineseCharacters(String keyword) {
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (c < '\u4E00' || c > '\u9FEF') {
                return false;
            }
        }
        return true;
    }

    /**
     * What the rule decides. {@code lead} says who leads; {@code leadUnit} is the unit for {@link Lead#UNIT};
     * co-units are the fixed {@code coUnits} plus, with {@code territorialCoUnit}, the territorial unit found
     * from the address. {@link Lead#MANUAL} sends the order to a human dispatcher whatever the model says.
     */
    public record Then(Lead lead, UnitId leadUnit, List<UnitId> coUnits, boolean territorialCoUnit) {

        public Then {
            Objects.requireNonNull(lead, "lead");
            coUnits = copy(coUnits);
        }

        public static Then manual() {
            return new Then(Lead.MANUAL, null, List.of(), false);
        }
    }

    /** Who leads an order a rule matched. */
    public enum Lead {
        /** As without rules: the predicted unit (unit models), else the category's department, else the territorial unit. */
        DEFAULT("默认"),
        /** A fixed unit, {@link Then#leadUnit}. */
        UNIT("指定单位"),
        /** The category's default department from the routing table (inherited from parent categories). */
        CATEGORY_DEPARTMENT("分类主管部门"),
        /** The territorial unit found from the address and text. */
        TERRITORIAL_UNIT("属地"),
        /** No automatic dispatch: a human dispatcher decides. */
        MANUAL("转人工派单");

        private final String label;

        Lead(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The text with latin capitals lowered; the same instance when it has none (the usual Chinese text). */
    static String lowerLatin(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return text.toLowerCase(Locale.ROOT);
            }
        }
        return text;
    }

    /** An unmodifiable copy that keeps null entries, so that the rule check can name them. */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Whether {@code code} is {@code prefix} or below it in the taxonomy. */
    static boolean isWithin(String code, String prefix) {
        return code != null && (code.equals(prefix) || code.startsWith(prefix + "."));
    }
}
