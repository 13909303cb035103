package org.hotline.triage;

import java.util.EnumSet;
import java.util.Set;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.workorder.Decision;

/**
 * Who may ask triage for advice: the center's desk roles that register, dispatch and supervise orders. The units
 * and the administrator never triage an appeal.
 */
public final class TriageAccess {

    private static final Set<Role> DESK = EnumSet.of(Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR, Role.DIRECTOR);

    private TriageAccess() {
    }

    public static Decision mayAsk(Actor actor) {
        return actor.isCenter() && DESK.contains(actor.role()) ? Decision.allowed()
                : Decision.forbidden("not-permitted", "只有话务员、派单员、督办员和中心主任可以使用分流建议");
    }
}
