package org.hotline.assessment;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the records show for one unit over a period (a day, a month): a count per {@link Indicator}. A longer
 * period's facts are the sum of its days' facts, which is how the monthly ranking is built.
 */
public final class Facts {

    private static final Indicator[] INDICATORS = Indicator.values();
    private static final Facts NONE = new Facts(new int[INDICATORS.length]);

    private final int[] counts;

    private Facts(int[] counts) {
        this.counts = counts;
    }

    public static Facts none() {
        return NONE;
    }

    public static Facts of(Map<Indicator, Integer> counts) {
        int[] c = new int[INDICATORS.length];
        counts.forEach((indicator, n) -> c[indicator.ordinal()] = checked(indicator, n));
        return new Facts(c);
    }

    /** Starts a set of counts, e.g. {@code Facts.with(REPLIED, 10).and(REPLIED_ON_TIME, 9)}. */
    public static Facts with(Indicator indicator, int count) {
        return NONE.and(indicator, count);
    }

    /** These facts with {@code indicator} set to {@code count}. */
    public Facts and(Indicator indicator, int count) {
        int[] c = counts.clone();
        c[indicator.ordinal()] = checked(indicator, count);
        return new Facts(c);
    }

    public int count(Indicator indicator) {
        return counts[indicator.ordinal()];
    }

    /** The facts of two periods (or the same period counted from two sources) together. */
    public Facts plus(Facts other) {
        int[] c = counts.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += other.counts[i];
        }
        return new Facts(c);
    }

    public boolean isEmpty() {
        return Arrays.stream(counts).allMatch(n -> n == 0);
    }

    /** Callbacks that reached the citizen: each gave one rating. */
    public int callbacksReached() {
        return count(Indicator.SATISFIED) + count(Indicator.BASICALLY_SATISFIED) + count(Indicator.UNSATISFIED);
    }

    /**
     * The replies the unit owed in the period: those it gave, and the orders whose deadline passed with no
     * reply at all (an unanswered order must not vanish from the response rate).
     */
    public int responsesDue() {
        return count(Indicator.REPLIED) + count(Indicator.OVERDUE_UNANSWERED);
    }

    public Map<Indicator, Integer> asMap() {
        Map<Indicator, Integer> m = new EnumMap<>(Indicator.class);
        for (Indicator i : INDICATORS) {
            m.put(i, counts[i.ordinal()]);
        }
        return m;
    }

    private static int checked(Indicator indicator, Integer n) {
        if (n == null || n < 0) {
            throw new IllegalArgumentException(indicator + " must be a count, not " + n);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Facts f && Arrays.equals(counts, f.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Facts{");
        for (Indicator i : INDICATORS) {
            if (counts[i.ordinal()] != 0) {
                s.append(s.length() > 6 ? ", " : "").append(i).append('=').append(counts[i.ordinal()]);
            }
        }
        return s.append('}').toString();
    }
}
