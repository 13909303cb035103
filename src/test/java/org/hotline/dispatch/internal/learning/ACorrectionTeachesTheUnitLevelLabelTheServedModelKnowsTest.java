package org.hotline.dispatch.internal.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.hotline.dispatch.internal.routing.DemoOrganization;
import org.junit.jupiter.api.Test;

/**
 * A dispatcher's correction becomes a unit-level example: the category they chose is stored as the label the
 * served model uses for it, so that the next training of a unit-level model (the shipped one knows categories
 * only as fine as the unit needs) learns from it, while a model that knows the category itself gets it as it is.
 */
class ACorrectionTeachesTheUnitLevelLabelTheServedModelKnowsTest {

    private static final DemoOrganization ORG = DemoOrganization.DONGCHANGFU;
    private static final Set<String> UNIT_LEVEL = Set.of("01", "01.05", "09", "05.01.03", "13.02", "16");

    private static String label(String chosen, Set<String> known) {
        return Corrections.servedLabel(chosen, known, ORG.directory(), ORG.categories());
    }

    @Test
    void aLeafCategoryBecomesTheLabelOfItsUnitsGroup() {
        assertThat(label("09.05.01", UNIT_LEVEL)).isEqualTo("09");
        assertThat(label("01.05.03", UNIT_LEVEL)).isEqualTo("01.05");
        assertThat(label("13.02.01", UNIT_LEVEL)).isEqualTo("13.02");
        assertThat(label("16.02", UNIT_LEVEL)).isEqualTo("16");
        assertThat(label("05.01.03", UNIT_LEVEL)).isEqualTo("05.01.03");
    }

    @Test
    void aModelThatKnowsTheCategoryGetsItAsItIs() {
        assertThat(label("09.05.01", Set.of("09.05.01", "13.02.01"))).isEqualTo("09.05.01");
    }
}
