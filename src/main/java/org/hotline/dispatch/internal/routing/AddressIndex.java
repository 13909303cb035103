package org.hotline.dispatch.internal.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hotline.dispatch.PlaceMatcher;
import org.hotline.organization.Gazetteer;
import org.hotline.organization.Place;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The gazetteer compiled into a {@link PlaceMatcher}. Compiling takes a few milliseconds, matching
 * microseconds, so the matcher is kept and rebuilt only when the gazetteer's places have changed; whether they
 * have is checked at most every few seconds, so that intake does not compare the place list on every order.
 */
@Component
class AddressIndex {

    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    private record State(List<Place> places, PlaceMatcher matcher, Instant checkedAt) {
    }

    private final Gazetteer gazetteer;
    private final Clock clock;
    private final List<String> stopNames;
    private volatile State state;

    AddressIndex(Gazetteer gazetteer, Clock clock,
            @Value("${hotline.dispatch.address-stop-names:}") List<String> stopNames) {
        this.gazetteer = gazetteer;
        this.clock = clock;
        this.stopNames = List.copyOf(stopNames);
    }

    PlaceMatcher matcher() {
        State s = state;
        Instant now = clock.instant();
        if (s != null && now.isBefore(s.checkedAt().plus(CHECK_EVERY)) && !now.isBefore(s.checkedAt())) {
            return s.matcher();
        }
        List<Place> places = gazetteer.all();
        PlaceMatcher matcher = s != null && s.places().equals(places) ? s.matcher()
                : PlaceMatcher.of(places, stopNames);
        state = new State(places, matcher, now);
        return matcher;
    }
}
