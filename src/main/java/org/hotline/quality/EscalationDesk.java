package org.hotline.quality;

import java.util.EnumSet;
import java.util.Set;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.workorder.Decision;

/**
 * Who takes over an order that failed its callback after two redos (转督办): the supervisors, and the center's
 * director above them. One of them settles with the unit what can still be done and then either sends the order
 * back for another redo or concludes it (督办办结) with a written conclusion, on which the order closes. The
 * conclusion is part of the quality loop, like a callback result: it is stored with the escalation and shown in
 * the order's history, and it is not the director's override (which bypasses the loop and is counted as such).
 */
public final class EscalationDesk {

    public static final Set<Role> ROLES = EnumSet.of(Role.SUPERVISOR, Role.DIRECTOR);

    private EscalationDesk() {
    }

    public static Decision mayConclude(Actor actor) {
        return ROLES.contains(actor.role()) ? Decision.allowed()
                : Decision.forbidden("not-permitted", "只有督办员和中心主任可以作出督办结论");
    }

    /** The basis on which a concluded escalation closes the order, as the history shows it. */
    public static String basis(String conclusion) {
        return "督办办结：" + conclusion;
    }
}
