package org.hotline.workorder;

import org.hotline.platform.NotFoundException;

/**
 * An order number as a client writes it in an address: one that cannot be an order number names no order, so it
 * answers "not found" like a well-formed number of an order that does not exist (the two are not told apart).
 */
public final class OrderNumberParameter {

    private OrderNumberParameter() {
    }

    public static OrderNumber parse(String number) {
        if (number == null || !OrderNumber.isWellFormed(number)) {
            throw new NotFoundException("工单 " + number + " 不存在");
        }
        return new OrderNumber(number);
    }
}
