package org.hotline.hotissue;

import java.util.Optional;

/**
 * What other modules may ask of the hot issues (the dispatcher's desk shows each queued order's issue): the hot
 * issue an order joined, with the figures a dispatcher reads at a glance. Hot issues depend on work orders, so
 * work orders never ask; modules above both (dispatch) do.
 */
public interface HotIssueLookup {

    /** The hot issue the order joined, if it shares it with another order; none for an issue of its own. */
    Optional<IssueOfOrder> issueOf(String number);

    /** A hot issue as a desk lists it: where, what, how hot, how many orders and citizens. */
    record IssueOfOrder(long id, String place, String description, double heat, int orders, int citizens) {
    }
}
