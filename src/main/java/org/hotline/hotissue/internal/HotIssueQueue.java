package org.hotline.hotissue.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.hotline.workorder.WorkOrderEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every new order joins its hot issue right after intake, through a queue in the database ({@code hot_issue_queue}):
 * the intake writes the order's row inside its own transaction (this listener is called where the order's events
 * are published), so the order and its place in the queue commit together or not at all, in the intake's group
 * commit. After the commit a thread of this instance takes the queue in batches ({@link HotIssueService#attachQueued},
 * one transaction per batch). Each instance takes at once the rows it queued itself; a row left by an instance that
 * crashed or stopped (a restarted instance has a new name) is taken by whichever instance looks next once it has
 * waited {@link HotIssueStore#ABANDONED_AFTER_SECONDS}. Instances never take each other's fresh rows: their clocks
 * may differ (tests that set the time share one database), and the instance that registered an order groups it
 * with the time it registered it at.
 *
 * <p>Why not an event listener after the commit: through Spring Modulith's publication registry that cost every
 * order a publication row, a transaction and a commit of its own, and the completion's update: as much as the
 * intake itself, and attaching is serialised anyway (one grouping in memory).
 *
 * <p>A batch that fails is tried again order by order; an order that fails alone is logged and left in the queue
 * until this instance restarts (as an event publication that failed was), so that it never holds up the others.
 */
@Component
class HotIssueQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HotIssueQueue.class);
    static final int BATCH = 200;
    /** How often the queue is looked at without a signal: rows of another instance, or left by a crash. */
    static final long LOOK_EVERY_MILLIS = 1_000;

    private final HotIssueStore store;
    private final HotIssueService hotIssues;
    /** This instance's name in the queue: it takes its own rows at once, another's only once abandoned. */
    private final String instance = UUID.randomUUID().toString();
    private final Semaphore signal = new Semaphore(0);
    /** Orders that failed alone, left in the queue until a restart. */
    private final Set<String> failed = new HashSet<>();
    private volatile Thread worker;

    HotIssueQueue(HotIssueStore store, HotIssueService hotIssues) {
        this.store = store;
        this.hotIssues = hotIssues;
    }

    @EventListener
    void on(WorkOrderEvent.Registered registered) {
        store.enqueue(registered.order().value(), instance);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.release();
                }
            });
        } else {
            signal.release();
        }
    }

    /** Attaches what is queued now, batch by batch; returns how many orders were taken. */
    int drain() {
        int taken = 0;
        while (true) {
            int n;
            try {
                n = hotIssues.attachQueued(BATCH, failed, instance);
            } catch (RuntimeException batchFailed) {
                log.debug("hot issue batch rolled back ({}); attaching one by one", batchFailed.toString());
                n = oneByOne();
            }
            taken += n;
            if (n < BATCH) {
                return taken;
            }
        }
    }

    private int oneByOne() {
        int taken = 0;
        for (int i = 0; i < BATCH; i++) {
            try {
                int n = hotIssues.attachQueued(1, failed, instance);
                if (n == 0) {
                    break;
                }
                taken += n;
            } catch (RuntimeException e) {
                // its transaction rolled back: the order is still first in the queue
                String number = firstQueued();
                log.error("Order {} could not join its hot issue; it stays queued until a restart", number, e);
                if (number == null) {
                    break;
                }
                failed.add(number);
            }
        }
        return taken;
    }

    private String firstQueued() {
        return store.queuedNumbers(1, failed, instance).stream().findFirst().orElse(null);
    }

    private void work() {
        while (worker == Thread.currentThread()) {
            try {
                signal.tryAcquire(LOOK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                signal.drainPermits(); // one look takes everything queued so far
                drain();
            } catch (InterruptedException stop) {
                return;
            } catch (RuntimeException e) {
                // the database may be down for a moment: look again at the next signal or second
                log.warn("Could not attach queued orders to their hot issues: {}", e.toString());
            }
        }
    }

    @Override
    public void start() {
        Thread t = new Thread(this::work, "hot-issue-queue");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    @Override
    public void stop() {
        Thread t = worker;
        worker = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
