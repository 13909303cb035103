package org.hotline.organization.internal;

import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;

/** A unit with the details only the admin and the unit directory need. */
record UnitEntry(Unit unit, String contactPhone, UnitId parent) {

    UnitId id() {
        return unit.id();
    }
}
