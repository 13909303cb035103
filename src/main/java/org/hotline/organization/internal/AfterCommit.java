package org.hotline.organization.internal;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Runs a step once the current transaction has committed, or at once when there is none. */
final class AfterCommit {

    private AfterCommit() {
    }

    static void run(Runnable step) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // dropping a cache before the commit would let a concurrent reader cache the old rows again
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    step.run();
                }
            });
        } else {
            step.run();
        }
    }
}
