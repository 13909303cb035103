package org.hotline.workorder;

import org.hotline.organization.Actor;

/**
 * 按来电人查找: who may find orders by the caller's number or name. Only the roles that may call back every
 * citizen ({@link WorkOrder#mayContact}: operators, dispatchers, reviewers, supervisors and the director) may;
 * an operator sees a caller's earlier appeals the moment the phone rings.
 *
 * <p>Confidential citizens (保密) are found by these roles too: the center is who contacts them (units go
 * through the center), and the operator answering such a citizen needs their history as much as anyone's.
 * Units and administrators may not search by caller at all, not even among their own orders: a search that
 * answers "found" or "not found" for a number would tell them whose number it is, a confidential citizen's
 * included, which their masked lists never do. They get a refusal, never a filtered result.
 */
final class CallerSearch {

    /** Any citizen who asked for confidentiality, on an order the viewer's unit does not handle. */
    private static final Citizen CONFIDENTIAL = new Citizen(null, null, true);

    private CallerSearch() {
    }

    static Decision mayFind(Actor actor) {
        return WorkOrder.mayContact(actor, CONFIDENTIAL, false) ? Decision.allowed()
                : Decision.forbidden("caller-search-not-permitted",
                        "只有话务员、派单员、审核员、督办员和中心主任可以按来电号码或姓名查找工单");
    }
}
