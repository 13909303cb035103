package org.hotline.workorder;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.hotline.organization.UnitId;

/**
 * The stored work orders. {@link #update} is optimistic: it fails with Spring's
 * {@code OptimisticLockingFailureException} when someone else changed the order since it was read, so two
 * users acting at once never overwrite each other. History and replies are only ever appended.
 */
public interface WorkOrders {

    Optional<WorkOrder> find(OrderNumber number);

    /** The orders with these numbers that exist, in no particular order, each whole (co-units and replies). */
    List<WorkOrder> findAll(Collection<OrderNumber> numbers);

    void add(WorkOrder order);

    void update(WorkOrder order);

    List<HistoryEntry> history(OrderNumber number);

    List<WorkOrder> mergedInto(OrderNumber master);

    OrderPage search(OrderQuery query, Instant now);

    /** Orders with at least one co-unit past its deadline and not yet written off, for the deadline sweep. */
    List<OrderNumber> withOverdueCoUnits(Instant now, int limit);

    /**
     * An order being worked on, as a work list reads it from storage: its clocks and what the list sorts and
     * filters by, without its text or history.
     */
    record OpenOrder(OrderNumber number, OrderClocks clocks, UnitId leadUnit, int redoCount,
            Instant lastSupervisedAt) {
    }

    /**
     * A part a co-unit still owes (neither submitted nor written off) in an order it may still deliver it to, with
     * the order's clocks.
     */
    record OwedPart(OrderNumber number, OrderClocks clocks, CoUnit part) {
    }

    /**
     * The orders being worked on: dispatched, in progress, with a return under review, or replied and waiting for
     * review and callback. Only those {@code leadUnit} leads when it is given, only those of {@code category}
     * (and below) when that is.
     */
    List<OpenOrder> open(UnitId leadUnit, String category);

    /** The parts {@code unit} owes as co-unit of orders dispatched, in progress or with a return under review. */
    List<OwedPart> owedBy(UnitId unit);

    /** The orders with these numbers as lists show them, in no particular order; {@code now} sets "overdue". */
    List<OrderSummary> summaries(Collection<OrderNumber> numbers, Instant now);
}
