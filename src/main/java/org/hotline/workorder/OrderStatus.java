package org.hotline.workorder;

import static org.hotline.workorder.OrderAction.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order stands in its lifecycle. The status answers "whose move is it?"; whether the order is
 * overdue or at risk is derived from its deadlines and the clock, never stored.
 */
public enum OrderStatus {
    /**
     * 已受理: registered by an operator or a channel, waiting to be dispatched, or to be settled by a person when
     * triage found it is not the hotline's to dispatch (referred, redirected, invalid).
     */
    REGISTERED("待派单", EnumSet.of(DISPATCH, MERGE, ATTACH, SUPERVISE, REFER, REDIRECT, RECORD_INVALID)),
    /** 已派单: sent to the lead unit, waiting for it to acknowledge. */
    DISPATCHED("待签收", EnumSet.of(ACKNOWLEDGE, REQUEST_RETURN, ADD_CO_UNIT, CO_UNIT_ACKNOWLEDGE, CO_UNIT_SUBMIT,
            CO_UNIT_DECLINE, RECORD_NON_COOPERATION, SUPERVISE, MERGE, ATTACH)),
    /** 办理中: acknowledged; the lead unit (with any co-units) is handling it. */
    IN_PROGRESS("办理中", EnumSet.of(REQUEST_RETURN, ADD_CO_UNIT, CO_UNIT_ACKNOWLEDGE, CO_UNIT_SUBMIT,
            CO_UNIT_DECLINE, RECORD_NON_COOPERATION, REQUEST_EXTENSION, APPROVE_EXTENSION, REJECT_EXTENSION,
            SUPERVISE, MERGE, ATTACH, REPLY)),
    /** 退回审核中: the lead unit asked to return it; the center decides. The handling clock is paused. */
    RETURN_REQUESTED("退回审核中", EnumSet.of(APPROVE_RETURN, REJECT_RETURN, CO_UNIT_ACKNOWLEDGE, CO_UNIT_SUBMIT,
            CO_UNIT_DECLINE, RECORD_NON_COOPERATION, SUPERVISE, ATTACH)),
    /**
     * 已答复: the lead unit replied; review and callback decide between closing and redo (see {@link CloseRule}).
     * The center may still supervise it: a reply that failed its callback after two redos is escalated to a
     * supervisor here.
     */
    REPLIED("已答复", EnumSet.of(REVIEW, CALLBACK, REDO, CLOSE, OVERRIDE_CLOSE, ATTACH, SUPERVISE)),
    /** 已办结: finished (through a unit, answered at intake, or settled at intake by triage). Nothing more happens. */
    CLOSED("已办结", EnumSet.noneOf(OrderAction.class)),
    /** 已并单: merged into a master order, whose outcome it follows. */
    MERGED("已并单", EnumSet.noneOf(OrderAction.class));

    private final String label;
    private final Set<OrderAction> allowed;

    OrderStatus(String label, Set<OrderAction> allowed) {
        this.label = label;
        this.allowed = allowed;
    }

    public String label() {
        return label;
    }

    public boolean allows(OrderAction action) {
        return allowed.contains(action);
    }

    /** Open orders are still being worked on: they can be overdue, supervised, merged into. */
    public boolean isOpen() {
        return this != CLOSED && this != MERGED;
    }

    /** Statuses in which the unit's handling clock is running. */
    public static Set<OrderStatus> handling() {
        return EnumSet.of(DISPATCHED, IN_PROGRESS, RETURN_REQUESTED);
    }
}
