package org.hotline.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * A fresh clone has no ../shared/data, and {@code mvn -B verify} must pass there: a test that reads the real data
 * is skipped unless the real-data profile is on, and says which profile runs it. With the profile on, missing
 * data is a failure that names the file, never a silent skip.
 */
class RealDataRunsOnlyWithItsProfileTest {

    @Test
    void withoutTheProfileATestOnTheRealDataIsSkippedNamingTheProfile() {
        for (String off : new String[] { null, "false", "" }) {
            ConditionEvaluationResult r = RealData.OnlyWithTheProfile.evaluate(off);
            assertThat(r.isDisabled()).as("switch %s", off).isTrue();
            assertThat(r.getReason()).hasValueSatisfying(reason -> assertThat(reason).contains("-Preal-data"));
        }
    }

    @Test
    void withTheProfileItRuns() {
        assertThat(RealData.OnlyWithTheProfile.evaluate("true").isDisabled()).isFalse();
    }

    @Test
    void withTheProfileAMissingFileFailsNamingTheFile() {
        assertThatThrownBy(() -> RealData.file("no-such-file.csv")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no-such-file.csv").hasMessageContaining("is missing");
    }
}
