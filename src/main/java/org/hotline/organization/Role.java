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
    ADMIN(true);

    private final boolean center;

    Role(boolean center) {
        this.center = center;
    }

    /** Whether this role works for the center (sees all orders) rather than for one unit. */
    public boolean isCenter() {
        return center;
    }
}
