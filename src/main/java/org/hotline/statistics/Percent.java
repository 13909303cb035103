package org.hotline.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Percentages as the center publishes them: two decimals, rounded half-up, computed exactly. A division by
 * zero has no percentage; callers say what that means (no orders, no callbacks, a zero base).
 */
public final class Percent {

    /** Two decimals, as in "29.29%". */
    public static final int SCALE = 2;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    /** {@code part / whole × 100}, rounded half-up to two decimals; {@code whole} must not be zero. */
    public static BigDecimal of(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            throw new ArithmeticException("no percentage of zero");
        }
        // BigDecimal divides exactly and rounds once, at the last kept digit: no binary floating point anywhere.
        return part.multiply(HUNDRED).divide(whole, SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal of(long part, long whole) {
        return of(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }
}
