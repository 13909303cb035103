package org.hotline.hotissue;

import java.time.Duration;
import java.time.Instant;

/**
 * How hot a hot issue is, and why: the score is the sum of its parts, each shown next to it.
 *
 * <pre>
 *   heat = volume + growth + support + persistence
 *   volume      = citizens + 0.25 × (orders − citizens)        a repeat appeal by the same citizen counts a quarter
 *   growth      = 1.0 × orders in the 7 days up to the day       what is rising now counts twice
 *   support     = min(volume, log2(1 + max(0, likes − dislikes)))   public support where the channel has it,
 *                                                                     never more than the appeals themselves
 *   persistence = log2(1 + span in days / 7)                     a problem raised for weeks is not a one-day blip
 * </pre>
 *
 * The logarithms keep one message with thousands of likes, or a year-long trickle, from outranking a problem
 * dozens of citizens raise.
 */
public record Heat(double score, int orders, int citizens, int recentOrders, int likes, int dislikes, Duration span,
        double volume, double growth, double support, double persistence) {

    /** The window of "now" that growth counts. */
    public static final Duration RECENT = Duration.ofDays(7);

    public static Heat of(int orders, int citizens, int recentOrders, int likes, int dislikes, Instant first,
            Instant last) {
        Duration span = Duration.between(first, last).isNegative() ? Duration.ZERO : Duration.between(first, last);
        double volume = citizens + 0.25 * (orders - citizens);
        double growth = recentOrders;
        double support = Math.min(volume, log2(1 + Math.max(0, likes - dislikes)));
        double persistence = log2(1 + span.toHours() / 24.0 / 7);
        double score = round(volume + growth + support + persistence);
        return new Heat(score, orders, citizens, recentOrders, likes, dislikes, span, round(volume), round(growth),
                round(support), round(persistence));
    }

    /** The span in whole days (at least 1: a one-day issue spans a day). */
    public long spanDays() {
        return Math.max(1, span.toDays() + (span.toHoursPart() > 0 ? 1 : 0));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double round(double x) {
        return Math.round(x * 10) / 10.0;
    }
}
