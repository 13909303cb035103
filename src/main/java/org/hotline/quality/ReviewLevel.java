package org.hotline.quality;

import java.util.EnumSet;
import java.util.Set;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.workorder.Decision;

/**
 * The levels of review (审核) a reply can pass, always in this order: the unit's own leader first, then the
 * district center, then the city center. Which of them a reply needs is configuration ({@link ReviewLevels}).
 */
public enum ReviewLevel {
    /** 单位领导审核: a leader of the lead unit vouches for the reply before it leaves the unit. */
    UNIT_LEADER("单位领导审核", EnumSet.of(Role.UNIT_LEADER)),
    /** 区级中心审核: a reviewer at the hotline center checks that the reply answers the appeal. */
    DISTRICT_CENTER("区级中心审核", EnumSet.of(Role.REVIEWER)),
    /** 市级中心审核: the last check, for urgent and sensitive matters; a reviewer or the center's director. */
    CITY_CENTER("市级中心审核", EnumSet.of(Role.REVIEWER, Role.DIRECTOR));

    private final String label;
    private final Set<Role> roles;

    ReviewLevel(String label, Set<Role> roles) {
        this.label = label;
        this.roles = roles;
    }

    public String label() {
        return label;
    }

    /** The roles that review at this level (a unit leader only for their own unit's replies). */
    public Set<Role> roles() {
        return roles;
    }

    /** Whether the actor's role reviews at this level at all, whatever the order. */
    public boolean isReviewedBy(Role role) {
        return roles.contains(role);
    }

    /** Who may decide this level for a reply of {@code leadUnit}. */
    public Decision mayDecide(Actor actor, UnitId leadUnit) {
        if (!roles.contains(actor.role())) {
            return Decision.forbidden("not-permitted", "当前用户无权进行「" + label + "」");
        }
        if (this == UNIT_LEADER && !actor.belongsTo(leadUnit)) {
            return Decision.forbidden("not-permitted", "只有主办单位的领导可以进行「" + label + "」");
        }
        return Decision.allowed();
    }
}
