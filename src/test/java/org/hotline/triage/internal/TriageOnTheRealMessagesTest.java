package org.hotline.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline.support.RealData;
import org.hotline.triage.TriageFixture;
import org.junit.jupiter.api.Test;

/**
 * Every real message in ../shared/data is a genuine appeal: triage must call almost none of them an emergency
 * and almost none invalid (a citizen's real problem is never discarded). Printed by
 * {@code java -jar target/hotline.jar triage-eval --real ../shared/data}.
 */
@RealData.Uses
class TriageOnTheRealMessagesTest {

    @Test
    void almostNoRealAppealIsCalledInvalidOrAnEmergency() throws Exception {
        List<String> real = RealMessages.read(RealData.file("messages_labelled.csv").getParent());
        assertThat(real).hasSizeGreaterThan(12000);

        TriageEval.RealCheck check = TriageEval.checkReal(real, TriageFixture.TRIAGER, null);

        assertThat(check.falseInvalidRate()).as("false invalid").isLessThanOrEqualTo(0.005);
        assertThat(check.falseEmergencyRate()).as("false emergency").isLessThanOrEqualTo(0.005);
        assertThat((double) check.flagged() / check.messages()).as("flagged").isLessThanOrEqualTo(0.03);
    }

    @Test
    void theUnseenHalfMeasuresAsWellAsTheHalfTheRulesWereTunedOn() throws Exception {
        List<String> real = RealMessages.read(RealData.file("messages_labelled.csv").getParent());
        List<String> unseen = real.stream().filter(t -> !TriageEval.lookedAt(t)).toList();

        TriageEval.RealCheck check = TriageEval.checkReal(unseen, TriageFixture.TRIAGER, null);

        assertThat(check.falseInvalidRate()).as("false invalid").isLessThanOrEqualTo(0.005);
        assertThat(check.falseEmergencyRate()).as("false emergency").isLessThanOrEqualTo(0.005);
    }
}
