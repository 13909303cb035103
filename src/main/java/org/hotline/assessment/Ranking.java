package org.hotline.assessment;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.organization.UnitId;

/**
 * A month's ranking (排名): per group, the scored units best first, and the units that had no score that
 * month (nothing to measure), which are listed but not ranked.
 */
public final class Ranking {

    private final YearMonth month;
    private final Map<RankingGroup, List<RankedUnit>> groups;
    private final List<UnitPeriod> unscored;

    Ranking(YearMonth month, Map<RankingGroup, List<RankedUnit>> groups, List<UnitPeriod> unscored) {
        this.month = month;
        this.groups = new EnumMap<>(RankingGroup.class);
        for (RankingGroup g : RankingGroup.values()) {
            this.groups.put(g, List.copyOf(groups.getOrDefault(g, List.of())));
        }
        this.unscored = List.copyOf(unscored);
    }

    /**
     * Ranks each group separately: sorted by the {@link TieRule}, a unit's rank is one more than the number
     * of units strictly better than it, so units still tied share a rank and the next rank is skipped
     * (1, 2, 2, 4). Units without a score are not ranked.
     */
    public static Ranking of(YearMonth month, List<UnitPeriod> units) {
        Map<RankingGroup, List<RankedUnit>> ranked = new EnumMap<>(RankingGroup.class);
        List<UnitPeriod> unscored = new ArrayList<>();
        for (RankingGroup group : RankingGroup.values()) {
            List<UnitPeriod> members = new ArrayList<>();
            for (UnitPeriod u : units) {
                if (u.group() != group) {
                    continue;
                }
                if (u.card().isScored()) {
                    members.add(u);
                } else {
                    unscored.add(u);
                }
            }
            members.sort((a, b) -> {
                int c = TieRule.BEST_FIRST.compare(a.card(), b.card());
                return c != 0 ? c : a.unit().value().compareTo(b.unit().value());
            });
            List<RankedUnit> list = new ArrayList<>();
            int n = members.size();
            for (int i = 0; i < n; i++) {
                UnitPeriod u = members.get(i);
                int better = 0;
                int worse = 0;
                for (UnitPeriod other : members) {
                    int c = TieRule.BEST_FIRST.compare(other.card(), u.card());
                    if (c < 0) {
                        better++;
                    } else if (c > 0) {
                        worse++;
                    }
                }
                list.add(new RankedUnit(better + 1, worse + 1, n, u));
            }
            ranked.put(group, list);
        }
        return new Ranking(month, ranked, unscored);
    }

    public YearMonth month() {
        return month;
    }

    /** The group's ranked units, best first. */
    public List<RankedUnit> group(RankingGroup group) {
        return groups.get(group);
    }

    public List<UnitPeriod> unscored() {
        return Collections.unmodifiableList(unscored);
    }

    public Optional<RankedUnit> find(UnitId unit) {
        return groups.values().stream().flatMap(List::stream).filter(r -> r.unit().unit().equals(unit)).findFirst();
    }

    /** 红榜: the units ranked within the first {@code n} places (more than n when tied at the boundary). */
    public List<RankedUnit> top(RankingGroup group, int n) {
        return group(group).stream().filter(r -> r.rank() <= n).toList();
    }

    /**
     * 末位: the units with fewer than {@code n} units ranked below them. Units tied at the boundary are all in:
     * tied units did equally well and share a rank, so one of them cannot be in the bottom three while
     * the other is not. A group with no more than {@code n} ranked units has no bottom n: being last of
     * three says nothing.
     */
    public List<RankedUnit> bottom(RankingGroup group, int n) {
        List<RankedUnit> members = group(group);
        if (members.size() <= n) {
            return List.of();
        }
        return members.stream().filter(r -> r.fromBottom() <= n).toList();
    }
}
