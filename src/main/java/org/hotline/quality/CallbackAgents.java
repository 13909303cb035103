package org.hotline.quality;

import java.util.EnumSet;
import java.util.Set;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.workorder.Decision;

/**
 * Who calls citizens back for the center: the supervisors (督办员, role {@code SUPERVISOR}). Not the reviewers,
 * on purpose: the reviewers have already approved the reply, and the callback is the independent check on
 * whether it is true, so the people who make it must not be the ones who passed it. The supervisors are also
 * the ones a failing order is escalated to, so the callback desk and supervision are one group, as in the
 * centers that run a "callback and supervision" team (回访督办组).
 */
public final class CallbackAgents {

    public static final Set<Role> ROLES = EnumSet.of(Role.SUPERVISOR);

    private CallbackAgents() {
    }

    public static Decision mayCall(Actor actor) {
        return ROLES.contains(actor.role()) ? Decision.allowed()
                : Decision.forbidden("not-permitted", "只有中心回访人员（督办员）可以进行回访");
    }
}
