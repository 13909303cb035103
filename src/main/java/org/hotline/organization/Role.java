package org.hotline.organization;

/**
 * What a user does. Center roles see every order; unit roles see only orders where their unit is lead or
 * co-unit.
 */
public enum Role {
    /** 话务员: takes calls and registers orders. */
    OPERATOR(true),
    /** 派单员: dispatches orders and decides returns. */
    DISPATCHER(true),
    /** 承办人: handles the unit's orders. */
    UNIT_HANDLER(false),
    /** 单位负责人: the unit's leader; handles, and personally calls back sampled orders. */
    UNIT_LEADER(false),
    /** 审核员: reviews replies. */
    REVIEWER(true),
    /** 督办员: supervises units, decides extensions, merges repeat appeals. */
    SUPERVISOR(true),
    /** 中心主任: the center's director. */
    DIRECTOR(true),
    /** 系统管理员: maintains the organisation. */
    ADMIN(true),
    /**
     * 巡查员: a grid worker or village police assistant of a town (their unit) who files patrol reports (巡查上报).
     * Handles no orders and sees none: a report that needs action becomes an order other people handle.
     */
    FIELD_REPORTER(false);

    private final boolean center;

    Role(boolean center) {
        this.center = center;
    }

    /** Whether this role works for the center (sees all orders) rather than for one unit. */
    public boolean isCenter() {
        return center;
    }

    /** Whether users of this role work on orders at all (see and act on them); field reporters only report. */
    public boolean worksOnOrders() {
        return this != FIELD_REPORTER;
    }
}
