package org.hotline.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.workorder.TriageOutcome;
import org.junit.jupiter.api.Test;

/** How one stored intake outcome counts in the triage figures. */
class TriageCountsTest {

    @Test
    void anInvalidCallIsNoCitizenAppeal() {
        TriageCounts c = TriageCounts.of(TriageOutcome.INVALID, "SILENT", 3);

        assertThat(c.registered()).isEqualTo(3);
        assertThat(c.invalid()).isEqualTo(3);
        assertThat(c.appeals()).isZero();
    }

    @Test
    void referralsAreCountedByServiceAndRedirectionsByRoute() {
        TriageCounts c = TriageCounts.of(TriageOutcome.EMERGENCY, "AMBULANCE", 2)
                .plus(TriageCounts.of(TriageOutcome.EMERGENCY, "TRAFFIC", 1))
                .plus(TriageCounts.of(TriageOutcome.OTHER_CHANNEL, "DISCIPLINE", 4));

        assertThat(c.referred()).isEqualTo(3);
        assertThat(c.ambulance()).isEqualTo(2);
        assertThat(c.traffic()).isEqualTo(1);
        assertThat(c.police() + c.fire()).isZero();
        assertThat(c.otherChannel()).isEqualTo(4);
        assertThat(c.discipline()).isEqualTo(4);
        assertThat(c.appeals()).isEqualTo(7);
    }

    @Test
    void anAnswerAtIntakeCountsAsFromTheKnowledgeBaseOnlyWithAnEntry() {
        TriageCounts c = TriageCounts.of(TriageOutcome.KNOWLEDGE, "ENTRY", 5)
                .plus(TriageCounts.of(TriageOutcome.KNOWLEDGE, null, 2));

        assertThat(c.answered()).isEqualTo(7);
        assertThat(c.answeredFromKnowledge()).isEqualTo(5);
    }

    @Test
    void theNormalPathIsAnOrderWithoutAnIntakeOutcome() {
        TriageCounts c = TriageCounts.of(null, null, 10);

        assertThat(c.normalPath()).isEqualTo(10);
        assertThat(c.figures()).hasSameSizeAs(TriageCounts.HEADERS);
        assertThat(c.figures()[0]).isEqualTo(10);
    }
}
