package org.hotline.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;

/**
 * The order of a ranking and its tie rule (排名并列规则), best first:
 * <ol>
 *   <li>the higher composite score;</li>
 *   <li>on equal scores, the higher satisfaction rate (满意率), which citizens gave directly;</li>
 *   <li>then the higher resolution rate (解决率);</li>
 *   <li>then the unit that replied to more orders, which carried more of the load;</li>
 *   <li>units equal on all four share a rank.</li>
 * </ol>
 * Each criterion compares the published figure (score to 0.01 points, rates to 0.01%), so two units that
 * look equal in the bulletin are equal in the ranking and no unit is placed by a rounding error. A rate that
 * could not be measured counts below any measured rate.
 */
public final class TieRule {

    /** Best first. Two units compare as 0 exactly when they share a rank. */
    public static final Comparator<ScoreCard> BEST_FIRST = Comparator
            .comparing(ScoreCard::publishedScore, Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()))
            .thenComparing(c -> published(c.satisfactionRate()), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(c -> published(c.resolutionRate()), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(c -> c.facts().count(Indicator.REPLIED))
            .reversed();

    private TieRule() {
    }

    /** A rate as the bulletin prints it: a percentage with two decimals, i.e. the fraction to four. */
    static BigDecimal published(Double rate) {
        return rate == null ? null : BigDecimal.valueOf(rate).setScale(4, RoundingMode.HALF_UP);
    }
}
