package org.hotline.workorder;

import static org.hotline.organization.Role.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;

/**
 * Who may do what to an order. Center roles act by role; unit roles act only on orders where their unit
 * has the part the action belongs to (lead unit for acknowledge, return, extension, reply; the co-unit for
 * its own part). First-receiver responsibility starts here: a co-unit's user can never return an order.
 */
final class Permissions {

    private static final Set<Role> UNIT = EnumSet.of(UNIT_HANDLER, UNIT_LEADER);
    private static final Map<OrderAction, Set<Role>> CENTER = new EnumMap<>(OrderAction.class);

    /** Actions that belong to the lead unit's users (and, for adding co-units, also to the center). */
    private static final Set<OrderAction> LEAD_UNIT = EnumSet.of(OrderAction.ACKNOWLEDGE, OrderAction.REQUEST_RETURN,
            OrderAction.REQUEST_EXTENSION, OrderAction.REPLY, OrderAction.ADD_CO_UNIT, OrderAction.ATTACH,
            OrderAction.NOTE);

    /** Actions that belong to a co-unit's users, for their own part. */
    private static final Set<OrderAction> CO_UNIT = EnumSet.of(OrderAction.CO_UNIT_ACKNOWLEDGE,
            OrderAction.CO_UNIT_SUBMIT, OrderAction.CO_UNIT_DECLINE, OrderAction.ATTACH, OrderAction.NOTE);

    static {
        CENTER.put(OrderAction.REGISTER, EnumSet.of(OPERATOR, DISPATCHER));
        CENTER.put(OrderAction.ANSWER_AT_INTAKE, EnumSet.of(OPERATOR, DISPATCHER));
        CENTER.put(OrderAction.DISPATCH, EnumSet.of(DISPATCHER, SUPERVISOR));
        // settling at intake: the operator during the call, a dispatcher or supervisor for an order held for them
        CENTER.put(OrderAction.REFER, EnumSet.of(OPERATOR, DISPATCHER, SUPERVISOR));
        CENTER.put(OrderAction.REDIRECT, EnumSet.of(OPERATOR, DISPATCHER, SUPERVISOR));
        CENTER.put(OrderAction.RECORD_INVALID, EnumSet.of(OPERATOR, DISPATCHER, SUPERVISOR));
        CENTER.put(OrderAction.APPROVE_RETURN, EnumSet.of(DISPATCHER, SUPERVISOR));
        CENTER.put(OrderAction.REJECT_RETURN, EnumSet.of(DISPATCHER, SUPERVISOR));
        CENTER.put(OrderAction.ADD_CO_UNIT, EnumSet.of(DISPATCHER, SUPERVISOR));
        CENTER.put(OrderAction.RECORD_NON_COOPERATION, EnumSet.of(DISPATCHER, SUPERVISOR));
        // the center decides extensions: the dispatcher who decides returns on the same desk, or above them
        CENTER.put(OrderAction.APPROVE_EXTENSION, EnumSet.of(DISPATCHER, SUPERVISOR, DIRECTOR));
        CENTER.put(OrderAction.REJECT_EXTENSION, EnumSet.of(DISPATCHER, SUPERVISOR, DIRECTOR));
        CENTER.put(OrderAction.SUPERVISE, EnumSet.of(SUPERVISOR, DIRECTOR));
        CENTER.put(OrderAction.MERGE, EnumSet.of(DISPATCHER, SUPERVISOR));
        CENTER.put(OrderAction.ATTACH, EnumSet.of(OPERATOR, DISPATCHER, SUPERVISOR));
        CENTER.put(OrderAction.REDO, EnumSet.of(REVIEWER, SUPERVISOR, DISPATCHER));
        // Closing a replied order is not a role's right: CloseRule lets the quality loop's clearance or the
        // director's recorded override close it, and refuses everyone else.
    }

    private Permissions() {
    }

    static Decision mayCreate(OrderAction action, Actor actor, Channel channel) {
        if (actor.role() == FIELD_REPORTER) {
            return fieldReporterMayRegister(action, channel);
        }
        return mayTake(action, actor);
    }

    /** Whether the actor's center role takes the action at all, on any order: who works at the desk for it. */
    static Decision mayTake(OrderAction action, Actor actor) {
        return CENTER.getOrDefault(action, Set.of()).contains(actor.role()) ? Decision.allowed()
                : notPermitted(action);
    }

    /** An inbox lists a unit's own orders: the unit's users have one, the center (which has no unit) has not. */
    static Decision mayHaveAnInbox(Actor actor) {
        return UNIT.contains(actor.role()) && actor.unit() != null ? Decision.allowed()
                : Decision.forbidden("no-inbox", "待办工单仅供承办单位工作人员查看");
    }

    /**
     * 巡查上报: a field reporter registers orders from their patrol reports (channel PATROL) and nothing else; the
     * order's history then names the reporter who saw the problem. (The center may still register a patrol
     * order for a grid worker who phones it in.)
     */
    static Decision fieldReporterMayRegister(OrderAction action, Channel channel) {
        return action == OrderAction.REGISTER && channel == Channel.PATROL ? Decision.allowed()
                : Decision.forbidden("reporters-register-patrol-orders-only", "巡查员只能通过巡查上报登记需处置的问题");
    }

    static Decision may(OrderAction action, Actor actor, WorkOrder order) {
        if (isSystem(actor) && action == OrderAction.RECORD_NON_COOPERATION) {
            return Decision.allowed();
        }
        if (actor.isCenter()) {
            return CENTER.getOrDefault(action, Set.of()).contains(actor.role()) ? Decision.allowed()
                    : notPermitted(action);
        }
        if (!UNIT.contains(actor.role())) {
            return notPermitted(action);
        }
        boolean lead = actor.belongsTo(order.leadUnit());
        boolean co = order.coUnit(actor.unit()).isPresent();
        if (LEAD_UNIT.contains(action) && lead) {
            return Decision.allowed();
        }
        if (CO_UNIT.contains(action) && co) {
            return Decision.allowed();
        }
        if (action == OrderAction.REQUEST_RETURN && co) {
            return Decision.forbidden("co-unit-cannot-return", "协办单位不能退回工单，应按要求提交协办意见");
        }
        return notPermitted(action);
    }

    /** The platform's own scheduled jobs act as the system actor. */
    static boolean isSystem(Actor actor) {
        return Actor.SYSTEM.equals(actor.username()) && actor.unit() == null;
    }

    private static Decision notPermitted(OrderAction action) {
        return Decision.forbidden("not-permitted", "当前用户无权对该工单执行「" + action.label() + "」");
    }
}
