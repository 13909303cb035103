package org.hotline.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

import org.hotline.deadline.WorkingCalendar;
import org.hotline.deadline.WorkingHours;
import org.hotline.workorder.Citizen;

/**
 * 一把手抽访: every day, for every unit, a random share (10%) of the orders the unit replied that day is drawn,
 * and the unit's leader must call each citizen personally and sign what they heard by the end of the next working
 * day.
 *
 * <ul>
 * <li><b>Size:</b> the share of the orders replied, rounded up, so a unit that replied anything has at least one
 * order drawn, and a unit that replied nothing has none.</li>
 * <li><b>Fair and unpredictable:</b> every order of the day has the same chance, and nothing about the draw exists
 * before it runs: the caller passes a cryptographically strong generator ({@code SecureRandom} in production), no
 * seed is stored, and the draw happens only after the day is over. A unit therefore cannot know which replies its
 * leader will have to vouch for, and must make every one of them true.</li>
 * <li><b>Who can be called:</b> a citizen who asked for confidentiality is not named to the units, and one without
 * a number cannot be called; their orders are not drawn (the center's own callback still reaches the first). When
 * fewer orders can be called than the share asks for, all of those are drawn.</li>
 * </ul>
 */
public final class LeaderSampling {

    /** The outcome of one unit's draw: how many orders it replied and which were drawn. */
    public record Draw<T>(int repliedCount, List<T> drawn) {
    }

    private final BigDecimal share;

    /** @param share the share of the day's replied orders to draw, e.g. 0.10 */
    public LeaderSampling(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("The leader sampling share is more than 0 and at most 1: " + share);
        }
        // decimal, so that 10% of 30 is exactly 3 and not 3.0000000000000004 rounded up to 4
        this.share = BigDecimal.valueOf(share);
    }

    /** How many orders are drawn from {@code replied} orders: the share rounded up; none when none replied. */
    public int sampleSize(int replied) {
        if (replied <= 0) {
            return 0;
        }
        return share.multiply(BigDecimal.valueOf(replied)).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    /**
     * Draws one unit's sample: {@link #sampleSize} of all {@code replied} orders, from those the leader can call,
     * each with the same chance.
     */
    public <T> Draw<T> draw(List<T> replied, Predicate<T> leaderCanCall, RandomGenerator random) {
        List<T> callable = replied.stream().filter(leaderCanCall).toList();
        return new Draw<>(replied.size(), pick(callable, Math.min(sampleSize(replied.size()), callable.size()), random));
    }

    /**
     * A uniformly random subset of {@code size} elements: a partial Fisher–Yates shuffle, in which every element
     * is equally likely to land in each of the first {@code size} places, whatever the list's order.
     */
    static <T> List<T> pick(List<T> population, int size, RandomGenerator random) {
        List<T> pool = new ArrayList<>(population);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(pool.size() - i);
            T chosen = pool.get(j);
            pool.set(j, pool.get(i));
            pool.set(i, chosen);
        }
        return List.copyOf(pool.subList(0, size));
    }

    /** Whether a unit's leader may call this citizen: someone to call, who did not ask for confidentiality. */
    public static boolean leaderMayCall(Citizen citizen, boolean someoneToCall) {
        return someoneToCall && citizen != null && !citizen.confidential();
    }

    /**
     * When the leader must have called and signed: the end of office hours on the next working day after the
     * sampled day, and never before the end of a working day on which the sample was already known (a draw run
     * late still leaves the leader one working day).
     */
    public static Instant dueAt(LocalDate sampleDay, Instant drawnAt, WorkingCalendar calendar) {
        LocalDate drawnOn = drawnAt.atZone(calendar.zone()).toLocalDate();
        LocalDate day = sampleDay.plusDays(1).isAfter(drawnOn) ? sampleDay.plusDays(1) : drawnOn;
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        List<WorkingHours.Period> periods = calendar.workingHours().periods();
        return day.atTime(periods.get(periods.size() - 1).end()).atZone(calendar.zone()).toInstant();
    }
}
