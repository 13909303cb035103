package org.hotline.dispatch.internal.routing;

import java.util.List;

import org.hotline.dispatch.PlaceMatcher;
import org.hotline.organization.Gazetteer;
import org.hotline.organization.OrganizationChanges;
import org.hotline.platform.ChangeSignals;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The gazetteer compiled into a {@link PlaceMatcher}. Compiling takes a few milliseconds, matching
 * microseconds, so the matcher is kept and compiled again only after the places changed on any instance (see
 * {@link ChangeSignals}).
 */
@Component
class AddressIndex {

    private final ChangeSignals.Snapshot<PlaceMatcher> matcher;

    AddressIndex(Gazetteer gazetteer, ChangeSignals signals,
            @Value("${hotline.dispatch.address-stop-names:}") List<String> stopNames) {
        List<String> stops = List.copyOf(stopNames);
        this.matcher = signals.snapshot(() -> PlaceMatcher.of(gazetteer.all(), stops), OrganizationChanges.PLACES);
    }

    PlaceMatcher matcher() {
        return matcher.get();
    }
}
