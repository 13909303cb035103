package org.hotline.dispatch;

import org.hotline.organization.UnitId;
import org.hotline.workorder.Urgency;

/**
 * What routing looks at for one candidate answer: the category (predicted, or the order's own for a unit
 * model), the unit a unit model predicted (null for a category model), the text, the territorial unit found
 * from the address (null when none was found) and the urgency.
 */
public record RoutingFacts(String categoryCode, UnitId predictedUnit, String text, UnitId territorialUnit,
        Urgency urgency) {
}
