package org.hotline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Every order of a unit's day has the same chance to be drawn for the leader's callback, whatever its place in
 * the list. Over many simulated days with the production generator (SecureRandom), how often each order is
 * drawn is compared with the even share by a chi-square statistic, against a fixed bound: 87.3 is the
 * 1-in-a-billion tail of the chi-square distribution with 22 degrees of freedom (sampling without replacement
 * spreads the counts even less than that distribution assumes). The same bound is shown to catch the biased
 * draws a bug would produce: the first k, the last k, or an off-by-one that never reaches the last order.
 */
class LeaderSamplingFairnessTest {

    private static final int ORDERS = 23;
    private static final int DAYS = 30_000;
    private static final double BOUND = 87.3;

    private final LeaderSampling tenPercent = new LeaderSampling(0.10);
    private final List<Integer> replied = IntStream.range(0, ORDERS).boxed().toList();

    @Test
    void eachOrderIsDrawnEquallyOftenOverManyDays() {
        RandomGenerator random = new SecureRandom();
        double chiSquare = chiSquare(day -> tenPercent.draw(replied, o -> true, random).drawn());
        System.out.printf("leader sampling fairness: chi-square %.1f over %d days (bound %.1f, df %d)%n", chiSquare,
                DAYS, BOUND, ORDERS - 1);
        assertThat(chiSquare).isLessThan(BOUND);
    }

    @Test
    void theBoundCatchesADrawOfTheFirstOrders() {
        int k = tenPercent.sampleSize(ORDERS);
        assertThat(chiSquare(day -> replied.subList(0, k))).isGreaterThan(BOUND);
    }

    @Test
    void theBoundCatchesADrawOfTheLastOrders() {
        int k = tenPercent.sampleSize(ORDERS);
        assertThat(chiSquare(day -> replied.subList(ORDERS - k, ORDERS))).isGreaterThan(BOUND);
    }

    @Test
    void theBoundCatchesAnOffByOneThatNeverDrawsTheLastOrder() {
        RandomGenerator random = new SecureRandom();
        int k = tenPercent.sampleSize(ORDERS);
        assertThat(chiSquare(day -> LeaderSampling.pick(replied.subList(0, ORDERS - 1), k, random)))
                .isGreaterThan(BOUND);
    }

    /** Σ (observed − expected)² / expected over the orders, the expected count being DAYS × k / ORDERS. */
    private double chiSquare(Function<Integer, List<Integer>> drawOfDay) {
        long[] counts = new long[ORDERS];
        int k = tenPercent.sampleSize(ORDERS);
        for (int day = 0; day < DAYS; day++) {
            List<Integer> drawn = drawOfDay.apply(day);
            assertThat(drawn).hasSize(k);
            drawn.forEach(o -> counts[o]++);
        }
        double expected = (double) DAYS * k / ORDERS;
        double sum = 0;
        for (long observed : counts) {
            sum += (observed - expected) * (observed - expected) / expected;
        }
        return sum;
    }
}
