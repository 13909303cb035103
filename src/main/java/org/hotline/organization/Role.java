package org.hotline.organization;

/**
 * What a user does. Center roles see every order; unit roles see only orders where their unit is lead or
 * co-unit.
 */
public enum Role {
    /** 话务员: takes calls and registers orders. */
    OPERATOR(true, "话务员"),
    /** 派单员: dispatches orders and decides returns. */
    DISPATCHER(true, "派单员"),
    /** 承办人: handles the unit's orders. */
    UNIT_HANDLER(false, "承办人"),
    /** 单位负责人: the unit's leader; handles, and personally calls back sampled orders. */
    UNIT_LEADER(false, "单位负责人"),
    /** 审核员: reviews replies. */
    REVIEWER(true, "审核员"),
    /** 督办员: supervises units, decides extensions, merges repeat appeals. */
    SUPERVISOR(true, "督办员"),
    /** 中心主任: the center's director. */
    DIRECTOR(true, "中心主任"),
    /** 系统管理员: maintains the organisation. */
    ADMIN(true, "系统管理员"),
    /**
     * 巡查员: a grid worker or village police assistant of a town (their unit) who files patrol reports (巡查上报).
     * Handles no orders and sees none: a report that needs action becomes an order other people handle.
     */
    FIELD_REPORTER(false, "巡查员");

    private final boolean center;
    private final String label;

    Role(boolean center, String label) {
        this.center = center;
        this.label = label;
    }

    /** The role's name in Chinese, for records people read (the console's own wording is messages.properties'). */
    public String label() {
        return label;
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
