package org.hotline.workorder;

import java.util.List;
import java.util.Optional;

import org.hotline.organization.UnitId;

/**
 * Where the AI dispatcher plugs in. Called for every newly registered order before the intake call
 * returns; an empty proposal leaves the order in the manual dispatch queue. Without an implementation every
 * order waits for a human dispatcher.
 *
 * <p>Deciding and recording are apart: {@link #decide} runs on the caller's thread before the intake
 * transaction (classification is CPU work, and the intake's writers commit for every caller), and the
 * decision is recorded inside the transaction that stores the order.
 */
public interface AutoDispatch {

    /** Decides for the new order {@code number} from its appeal; writes nothing. */
    Decision decide(OrderNumber number, WorkOrder.Appeal appeal);

    /** A decision for one order. */
    interface Decision {

        /** The dispatch to carry out, when the decision is confident enough. */
        Optional<Proposal> proposal();

        /**
         * Records the decision; called inside the intake transaction, and again if that transaction is rolled
         * back and the order written alone (see {@code GroupCommit}).
         */
        void record();
    }

    /** A confident dispatch: the lead unit, co-units, the category, and why (shown in the history). */
    record Proposal(UnitId leadUnit, List<UnitId> coUnits, String categoryCode, String explanation) {
    }
}
