package org.hotline.quality;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.workorder.Decision;

/**
 * Who may sign a leader sample: only a leader (UNIT_LEADER) of the sampled unit, once, with a complete result,
 * and only after re-entering their password (checked by the caller before this rule: the signature is the
 * leader's personal statement, so a session left open at a desk must not be enough). A sample signed late is
 * still signed, and counted as late.
 */
public final class LeaderSignature {

    private LeaderSignature() {
    }

    public static Decision maySign(Actor actor, UnitId sampledUnit, boolean alreadySigned, CallResult result) {
        return Decision.firstRejection(() -> maySign(actor, sampledUnit, alreadySigned), result::isComplete);
    }

    /** Whether the actor may sign the sample at all, whatever the call found: what a page asks before it offers it. */
    public static Decision maySign(Actor actor, UnitId sampledUnit, boolean alreadySigned) {
        return Decision.firstRejection(
                () -> actor.role() == Role.UNIT_LEADER && actor.belongsTo(sampledUnit) ? Decision.allowed()
                        : Decision.forbidden("not-permitted", "只有本单位主要负责人可以签署一把手抽访"),
                () -> !alreadySigned ? Decision.allowed()
                        : Decision.rejected("already-signed", "该抽访工单已签署，不能重复签署"));
    }
}
