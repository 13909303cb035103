package org.hotline.statistics;

import java.time.Instant;
import java.util.List;

/**
 * One page of an overdue list, most overdue deadline first. {@code asOf} is the moment "overdue" was judged
 * at. No citizen data: the list is for chasing units, and whoever must call the citizen opens the order.
 */
public record OverduePage(OverdueKind kind, Instant asOf, List<Item> items, int page, int size, long total) {

    /**
     * An overdue order. {@code overdueHours} counts whole hours past the deadline: until {@code asOf} for an
     * open order, until the reply for one closed late.
     */
    public record Item(String number, Instant registeredAt, String categoryCode, String categoryName,
            String leadUnit, String leadUnitName, String status, String statusLabel, Instant handleDeadline,
            Instant repliedAt, Instant closedAt, long overdueHours) {
    }
}
