package org.hotline.audit;

import java.util.EnumSet;
import java.util.Set;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.platform.ForbiddenException;

/**
 * Who reads the administrators' audit: the administrators, whose changes it records, and the center's director, who
 * answers for them. Nobody else, whatever adapter they come through: the URL rules say it too, this says it once
 * for the page and the API alike.
 */
public final class AuditReaders {

    /** The roles that read the audit. */
    public static final Set<Role> ROLES = EnumSet.of(Role.ADMIN, Role.DIRECTOR);

    private AuditReaders() {
    }

    public static boolean mayRead(Actor actor) {
        return actor != null && ROLES.contains(actor.role());
    }

    /** Refuses (403) anyone but an administrator or the director. */
    public static void refuseUnlessReader(Actor actor) {
        if (!mayRead(actor)) {
            throw new ForbiddenException("not-permitted", "只有系统管理员和中心主任可以查看操作审计");
        }
    }
}
