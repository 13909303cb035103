package org.hotline.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored work orders. {@link #update} is optimistic: it fails with Spring's
 * {@code OptimisticLockingFailureException} when someone else changed the order since it was read, so two
 * users acting at once never overwrite each other. History and replies are only ever appended.
 */
public interface WorkOrders {

    Optional<WorkOrder> find(OrderNumber number);

    /** The orders among {@code numbers} that exist, in no particular order. */
    List<WorkOrder> findAll(java.util.Collection<OrderNumber> numbers);

    void add(WorkOrder order);

    void update(WorkOrder order);

    List<HistoryEntry> history(OrderNumber number);

    List<WorkOrder> mergedInto(OrderNumber master);

    OrderPage search(OrderQuery query, Instant now);

    /** Orders with at least one co-unit past its deadline and not yet written off, for the deadline sweep. */
    List<OrderNumber> withOverdueCoUnits(Instant now, int limit);
}
