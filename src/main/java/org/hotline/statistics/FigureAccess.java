package org.hotline.statistics;

import java.util.EnumSet;
import java.util.Set;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;

/**
 * Who sees which figures. The center's reporting roles (director, supervisor, reviewer, dispatcher, admin)
 * see every unit's figures. A unit's users see their own unit's figures only: every report they ask for is
 * filtered to their unit, and asking for another unit by name answers as if it did not exist (404), the same
 * way another unit's order does, so that no unit learns another's figures. Operators take calls; they have
 * no use for the center's reports and are refused (403).
 */
public sealed interface FigureAccess {

    Set<Role> CENTER_REPORT_ROLES = EnumSet.of(Role.DIRECTOR, Role.SUPERVISOR, Role.REVIEWER, Role.DISPATCHER,
            Role.ADMIN);

    /** Figures may be shown, for {@code unit} only, or for every unit when {@code unit} is null. */
    record Granted(UnitId unit) implements FigureAccess {
    }

    /** Another unit's figures: not shown, and not confirmed to exist. */
    record Hidden(String reason) implements FigureAccess {
    }

    /** A role that has no statistics at all. */
    record Refused(String reason) implements FigureAccess {
    }

    /**
     * Figures of the center as a whole that no unit has a part in, such as triage at intake (appeals referred,
     * redirected or recorded invalid never reach a unit): the center's reporting roles only.
     */
    static FigureAccess centerOnly(Actor viewer) {
        return CENTER_REPORT_ROLES.contains(viewer.role()) ? new Granted(null)
                : new Refused("该统计只对中心开放：分流办结的诉求不派给任何单位");
    }

    /** What {@code viewer} may see when asking for {@code askedUnit} (null: no unit named). */
    static FigureAccess decide(Actor viewer, UnitId askedUnit) {
        if (CENTER_REPORT_ROLES.contains(viewer.role())) {
            return new Granted(askedUnit);
        }
        if (viewer.role().isCenter() || !viewer.role().worksOnOrders()) {
            return new Refused("当前角色无权查看统计报表");
        }
        if (askedUnit != null && !viewer.belongsTo(askedUnit)) {
            return new Hidden("未找到单位 " + askedUnit.value() + " 的统计数据");
        }
        return new Granted(viewer.unit());
    }
}
