package org.hotline.dispatch;

import java.util.List;

import org.hotline.organization.UnitId;

/**
 * Where routing sends an order: the lead unit and co-units, the rule that decided (null when none matched)
 * and, when the order cannot go automatically, why not (in the words the dispatcher sees).
 */
public record Route(UnitId lead, List<UnitId> coUnits, String rule, String manualReason) {

    public Route {
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
    }

    public boolean isManual() {
        return manualReason != null;
    }
}
