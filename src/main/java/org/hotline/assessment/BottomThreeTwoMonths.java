package org.hotline.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 连续两月末位问责: a unit in the bottom three of its group (see {@link Ranking#bottom}) in two consecutive
 * months gets an accountability case. One bad month is not enough, nor two bad months with a better one
 * between them. Each group is judged on its own ranking. A unit that stays at the bottom is found again the
 * next month, and gets a case for that month too: the failure goes on.
 */
public final class BottomThreeTwoMonths {

    private final int bottomCount;

    public BottomThreeTwoMonths(int bottomCount) {
        if (bottomCount < 1) {
            throw new IllegalArgumentException("the bottom count must be at least 1, not " + bottomCount);
        }
        this.bottomCount = bottomCount;
    }

    /** What was found for one unit: its place in both months. */
    public record Finding(RankedUnit previousMonth, RankedUnit currentMonth) {

        public UnitPeriod unit() {
            return currentMonth.unit();
        }
    }

    public List<Finding> findings(Ranking previous, Ranking current) {
        if (!previous.month().plusMonths(1).equals(current.month())) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        for (RankingGroup group : RankingGroup.values()) {
            List<RankedUnit> bottomBefore = previous.bottom(group, bottomCount);
            for (RankedUnit now : current.bottom(group, bottomCount)) {
                Optional<RankedUnit> before = bottomBefore.stream()
                        .filter(r -> r.unit().unit().equals(now.unit().unit())).findFirst();
                before.ifPresent(b -> found.add(new Finding(b, now)));
            }
        }
        return found;
    }

    public int bottomCount() {
        return bottomCount;
    }
}
