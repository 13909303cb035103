package org.hotline.statistics;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The orders of a report split by one dimension, each row with its share of the total (the category-share
 * rule). The total is the sum of the rows, never a second query: every order is in exactly one row (orders
 * without a category or a unit have a row of their own), so the counts of one breakdown always add up to its
 * total.
 *
 * <p>Each percentage is rounded on its own, half-up, as published reports do: three equal thirds read
 * 33.33% each and add up to 99.99%. Forcing the sum to 100.00% would mean printing a figure that is not
 * the row's own rounded share.
 *
 * <p>Rows are ordered by count, largest first, then by key (rows without a key last), so that a report reads
 * top down and two runs over the same data print the same table.
 */
public record Breakdown(long total, List<Share> shares) {

    private static final Comparator<Count> LARGEST_FIRST = Comparator.comparingLong(Count::count).reversed()
            .thenComparing(Count::key, Comparator.nullsLast(Comparator.naturalOrder()));

    public Breakdown {
        shares = List.copyOf(shares);
    }

    public static Breakdown of(Collection<Count> counts) {
        Set<String> keys = new HashSet<>();
        long total = 0;
        for (Count c : counts) {
            if (!keys.add(c.key())) {
                throw new IllegalArgumentException("a key appears twice in one breakdown: " + c.key());
            }
            total = Math.addExact(total, c.count());
        }
        long sum = total;
        List<Share> shares = counts.stream().filter(c -> c.count() > 0).sorted(LARGEST_FIRST)
                .map(c -> new Share(c.key(), c.label(), c.count(), sum, Percent.of(c.count(), sum)))
                .toList();
        return new Breakdown(total, shares);
    }
}
