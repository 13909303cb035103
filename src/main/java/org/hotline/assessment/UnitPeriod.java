package org.hotline.assessment;

import java.util.Objects;

import org.hotline.organization.UnitId;

/** One unit's score card for a period, with the group it is ranked in: what a ranking is made from. */
public record UnitPeriod(UnitId unit, String unitName, RankingGroup group, ScoreCard card) {

    public UnitPeriod {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(card, "card");
        unitName = unitName == null ? unit.value() : unitName;
    }
}
