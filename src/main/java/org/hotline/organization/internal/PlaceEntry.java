package org.hotline.organization.internal;

import org.hotline.organization.Place;

/** A place with whether it still exists under that name (a merged village is deactivated, not deleted). */
record PlaceEntry(Place place, boolean active) {

    String id() {
        return place.id();
    }
}
