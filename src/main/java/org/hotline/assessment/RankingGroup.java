package org.hotline.assessment;

import org.hotline.organization.UnitKind;

/**
 * Units are ranked against their peers only: towns and street offices face the same mix of neighbourhood
 * matters, departments each own one kind of matter, and comparing the two would say more about the kinds of
 * appeals than about the units.
 */
public enum RankingGroup {
    /** 属地: towns, street offices, parks. */
    TERRITORIAL("属地镇街"),
    /** 行业主管部门 */
    INDUSTRY("行业部门");

    private final String label;

    RankingGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static RankingGroup of(UnitKind kind) {
        return switch (kind) {
            case TERRITORIAL -> TERRITORIAL;
            case INDUSTRY -> INDUSTRY;
        };
    }
}
