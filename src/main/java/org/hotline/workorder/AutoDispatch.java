package org.hotline.workorder;

import java.util.List;
import java.util.Optional;

import org.hotline.organization.UnitId;

/**
 * Where the AI dispatcher plugs in. Called for every newly registered order before the intake call
 * returns; an empty answer leaves the order in the manual dispatch queue. Without an implementation every
 * order waits for a human dispatcher.
 */
public interface AutoDispatch {

    Optional<Proposal> decide(WorkOrder order);

    /** A confident dispatch: the lead unit, co-units, the category, and why (shown in the history). */
    record Proposal(UnitId leadUnit, List<UnitId> coUnits, String categoryCode, String explanation) {
    }
}
