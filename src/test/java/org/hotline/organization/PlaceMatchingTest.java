package org.hotline.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A place is found by part of its name or of any alias citizens use for it. */
class PlaceMatchingTest {

    private final Place yansi = new Place("yansi", "阎寺街道", PlaceKind.STREET_OFFICE, null,
            new UnitId("dcf-yansi"), List.of("闫寺街道", "Yansi"));

    @Test
    void partOfTheNameMatches() {
        assertThat(yansi.matches("阎寺")).isTrue();
    }

    @Test
    void aCommonVariantSpellingMatchesThroughTheAlias() {
        assertThat(yansi.matches("闫寺")).isTrue();
        assertThat(yansi.matches("yansi")).isTrue();
    }

    @Test
    void anotherPlaceDoesNotMatch() {
        assertThat(yansi.matches("古楼")).isFalse();
    }
}
