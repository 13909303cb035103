package org.hotline.dispatch.internal.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.hotline.dispatch.DispatchAdvice;
import org.hotline.dispatch.DispatchRequest;
import org.hotline.dispatch.internal.learning.ModelServed;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderPage;
import org.hotline.workorder.OrderQuery;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.OrderSummary;
import org.hotline.workorder.WorkOrderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fresh advice for the orders waiting in the manual queue whenever this instance starts serving a model
 * version ({@link ModelServed}): orders taken while the first model trained (no suggestions at all), and orders
 * a person has not dispatched yet after a switch or a rollback, get the new version's ranked and explained
 * suggestions in their dispatch record, in the background, a page at a time.
 *
 * <p>The new advice only suggests: an order already in the queue is never dispatched automatically, however
 * confident the new model is. The AI's automatic dispatch is decided once, at intake; once an order is in the
 * queue it is a dispatcher's, who may have it open at that moment, and a queue that emptied itself behind their
 * back (or a rollback that moved live orders) would be a surprise. The record says so in its manual reason,
 * and when the advice was renewed ({@code readvised_at}); a confident suggestion is one click away.
 *
 * <p>Every instance renews when it starts serving a version, but an order whose record already carries that
 * version, or that a person dispatched, is skipped: the first instance does the work, the others read.
 */
@Component
class ManualQueueAdvice {

    private static final Logger log = LoggerFactory.getLogger(ManualQueueAdvice.class);
    private static final int PAGE = 100;

    private final WorkOrderService orders;
    private final DispatchDecisions decisions;
    private final DispatchRecords records;
    private final Clock clock;
    /** One pass at a time, below normal priority: request threads come first. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dispatch-readvice");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    /** A pass is waiting to start: another served version before it starts needs no pass of its own. */
    private final AtomicBoolean pending = new AtomicBoolean();

    ManualQueueAdvice(WorkOrderService orders, DispatchDecisions decisions, DispatchRecords records, Clock clock) {
        this.orders = orders;
        this.decisions = decisions;
        this.records = records;
        this.clock = clock;
    }

    @EventListener
    void on(ModelServed served) {
        if (pending.compareAndSet(false, true)) {
            executor.submit(() -> {
                pending.set(false);
                try {
                    int renewed = renew();
                    log.info("Dispatch model version {} served: renewed the advice of {} queued orders",
                            served.version(), renewed);
                } catch (RuntimeException e) {
                    // the next served version or restart tries again; until then the queue keeps its old advice
                    log.error("Could not renew the advice of the manual dispatch queue", e);
                }
            });
        }
    }

    /**
     * Renews the advice of every order in the queue now, with the model served now; returns how many records
     * changed. Pages are read newest first up to this moment (later orders were advised by this model at
     * intake), and read again until a reading finds no order it had not seen: an order a person dispatches
     * meanwhile shifts the pages, and must not make another one be skipped.
     */
    int renew() {
        Instant start = clock.instant();
        Set<String> seen = new HashSet<>();
        int renewed = 0;
        boolean foundNew = true;
        while (foundNew) {
            foundNew = false;
            for (int page = 0;; page++) {
                OrderPage p = orders.search(new OrderQuery(Set.of(OrderStatus.REGISTERED), null, null, null, null, null,
                        start, null, null, null, page, PAGE), WorkOrderService.AI_DISPATCHER);
                List<OrderSummary> unseen = p.items().stream().filter(o -> seen.add(o.number().value())).toList();
                foundNew |= !unseen.isEmpty();
                renewed += renew(unseen);
                if (p.items().size() < PAGE) {
                    break;
                }
            }
        }
        return renewed;
    }

    private int renew(List<OrderSummary> queued) {
        if (queued.isEmpty()) {
            return 0;
        }
        Map<String, DispatchRecords.Stored> stored = records.find(queued.stream().map(o -> o.number().value())
                .toList());
        int renewed = 0;
        for (OrderSummary order : queued) {
            DispatchRecords.Stored before = stored.get(order.number().value());
            if (before != null && before.finalLead() != null) {
                continue; // a person has dispatched it (and it came back to the queue): their verdict stays
            }
            DispatchAdvice advice = decisions.adviseForAPerson(new DispatchRequest(order.content(), order.address(),
                    order.urgency(), order.categoryCode()));
            if (advice.modelVersion() == null
                    || before != null && advice.modelVersion().equals(before.modelVersion())) {
                continue; // no model to ask, or advised by this very version already
            }
            if (records.renew(order.number(), advice, clock.instant(), before == null)) {
                renewed++;
            }
        }
        return renewed;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
