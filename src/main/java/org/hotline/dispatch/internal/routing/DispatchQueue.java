package org.hotline.dispatch.internal.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.hotline.organization.Actor;
import org.hotline.workorder.OrderPage;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.WorkOrderService;
import org.springframework.stereotype.Component;

/**
 * The manual dispatch queue (待派单): the registered orders waiting for a person, a page at a time, each with the
 * advice stored for it at intake (or renewed since). Read by the queue's REST endpoint and the dispatcher's page
 * alike.
 */
@Component
class DispatchQueue {

    /** One order in the queue and its stored advice (null: the order was taken before any advice was kept). */
    record Item(OrderSummary order, DispatchRecords.Stored advice) {
    }

    record Page(List<Item> items, int page, int size, long total) {
    }

    private final WorkOrderService orders;
    private final DispatchRecords records;

    DispatchQueue(WorkOrderService orders, DispatchRecords records) {
        this.orders = orders;
        this.records = records;
    }

    /** Page {@code page} of the queue, the oldest orders first (the order it is worked in) or the newest. */
    Page page(int page, int size, boolean oldestFirst, Actor actor) {
        List<OrderSummary> slice;
        long total;
        if (oldestFirst) {
            total = count(actor);
            slice = oldestFirst(page, size, total, actor);
        } else {
            OrderPage newest = registered(page, size, actor);
            total = newest.total();
            slice = newest.items();
        }
        Map<String, DispatchRecords.Stored> stored = records.find(slice.stream().map(o -> o.number().value()).toList());
        return new Page(slice.stream().map(o -> new Item(o, stored.get(o.number().value()))).toList(), page, size,
                total);
    }

    /** How many orders wait for a person. */
    long count(Actor actor) {
        return registered(0, 1, actor).total();
    }

    /**
     * The order search lists newest first; the queue is worked oldest first. Page {@code page} of the
     * oldest-first list is a slice of at most two newest-first pages, read and reversed.
     */
    private List<OrderSummary> oldestFirst(int page, int size, long total, Actor actor) {
        return oldestFirst(page, size, total, p -> registered(p, size, actor).items());
    }

    /**
     * Page {@code page} (of {@code size}) of a list read newest first by {@code newestPage}, in the other order:
     * at most two newest-first pages of the {@code total} matches, read and reversed.
     */
    static List<OrderSummary> oldestFirst(int page, int size, long total, IntFunction<List<OrderSummary>> newestPage) {
        long from = (long) page * size;
        if (from >= total) {
            return List.of();
        }
        long to = Math.min(from + size, total);
        long newestFrom = total - to;
        long newestTo = total - from;
        List<OrderSummary> slice = new ArrayList<>();
        for (long p = newestFrom / size; p * size < newestTo; p++) {
            List<OrderSummary> items = newestPage.apply((int) p);
            for (int i = 0; i < items.size(); i++) {
                long index = p * size + i;
                if (index >= newestFrom && index < newestTo) {
                    slice.add(items.get(i));
                }
            }
        }
        Collections.reverse(slice);
        return slice;
    }

    private OrderPage registered(int page, int size, Actor actor) {
        return orders.search(new OrderQuery(Set.of(OrderStatus.REGISTERED), null, null, null, null, null, null, null,
                null, null, page, size), actor);
    }
}
