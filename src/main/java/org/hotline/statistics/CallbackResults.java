package org.hotline.statistics;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the citizens said when a callback reached them (回访), counted: how satisfied they were and whether
 * their matter was resolved. Only reached callbacks count; an unreached attempt says nothing about the unit.
 *
 * <p>The satisfaction rate weighs the answers as the assessment does: 满意 counts 1, 基本满意 0.9, 不满意 0,
 * so 3 satisfied, 1 basically satisfied and 1 unsatisfied citizens make (3 + 0.9) / 5 = 78.00%. The resolution
 * rate is the share of answers "resolved" among those that said either way. With no answers there is no
 * rate (not 0%): a unit nobody was able to ask has not failed anyone.
 */
public record CallbackResults(long satisfied, long basicallySatisfied, long unsatisfied, long resolved,
        long unresolved) {

    public static final BigDecimal SATISFIED_WEIGHT = BigDecimal.ONE;
    public static final BigDecimal BASICALLY_SATISFIED_WEIGHT = new BigDecimal("0.9");
    public static final BigDecimal UNSATISFIED_WEIGHT = BigDecimal.ZERO;

    public static final CallbackResults NONE = new CallbackResults(0, 0, 0, 0, 0);

    public CallbackResults {
        if (satisfied < 0 || basicallySatisfied < 0 || unsatisfied < 0 || resolved < 0 || unresolved < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    /** How many citizens gave a rating. */
    public long rated() {
        return satisfied + basicallySatisfied + unsatisfied;
    }

    public Optional<BigDecimal> satisfactionRate() {
        if (rated() == 0) {
            return Optional.empty();
        }
        BigDecimal points = SATISFIED_WEIGHT.multiply(BigDecimal.valueOf(satisfied))
                .add(BASICALLY_SATISFIED_WEIGHT.multiply(BigDecimal.valueOf(basicallySatisfied)))
                .add(UNSATISFIED_WEIGHT.multiply(BigDecimal.valueOf(unsatisfied)));
        return Optional.of(Percent.of(points, BigDecimal.valueOf(rated())));
    }

    public Optional<BigDecimal> resolutionRate() {
        long answered = resolved + unresolved;
        return answered == 0 ? Optional.empty() : Optional.of(Percent.of(resolved, answered));
    }

    /** The results of two sets of callbacks together (two days of one month, two units of the center). */
    public CallbackResults plus(CallbackResults other) {
        return new CallbackResults(satisfied + other.satisfied, basicallySatisfied + other.basicallySatisfied,
                unsatisfied + other.unsatisfied, resolved + other.resolved, unresolved + other.unresolved);
    }
}
