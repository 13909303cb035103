package org.hotline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A leader samples 10% of the orders the unit replied that day, rounded up: at least one, none when none. */
class LeaderSamplingSizeTest {

    private final LeaderSampling tenPercent = new LeaderSampling(0.10);

    @ParameterizedTest(name = "{0} replied → {1} drawn")
    @CsvSource({ "0,0", "1,1", "5,1", "9,1", "10,1", "11,2", "20,2", "29,3", "30,3", "31,4", "100,10", "101,11" })
    void tenPercentRoundedUp(int replied, int drawn) {
        assertThat(tenPercent.sampleSize(replied)).isEqualTo(drawn);
    }

    @Test
    void noneWhenTheUnitRepliedNothing() {
        LeaderSampling.Draw<Integer> draw = tenPercent.draw(List.of(), o -> true, new SecureRandom());
        assertThat(draw.repliedCount()).isZero();
        assertThat(draw.drawn()).isEmpty();
    }

    @Test
    void theDrawHasTheSizeAndNeverTheSameOrderTwice() {
        List<Integer> replied = IntStream.range(0, 31).boxed().toList();
        for (int day = 0; day < 200; day++) {
            List<Integer> drawn = tenPercent.draw(replied, o -> true, new SecureRandom()).drawn();
            assertThat(drawn).hasSize(4).doesNotHaveDuplicates().isSubsetOf(replied);
        }
    }

    @Test
    void theSizeCountsEveryReplyButOnlyCallableOrdersAreDrawn() {
        // 25 replied → 3 to draw; orders 0..22 are confidential or have no number, so only 23 and 24 can be called
        List<Integer> replied = IntStream.range(0, 25).boxed().toList();
        LeaderSampling.Draw<Integer> draw = tenPercent.draw(replied, o -> o >= 23, new SecureRandom());
        assertThat(draw.repliedCount()).isEqualTo(25);
        assertThat(draw.drawn()).containsExactlyInAnyOrder(23, 24);
    }

    @Test
    void anotherShareIsConfiguration() {
        assertThat(new LeaderSampling(0.2).sampleSize(11)).isEqualTo(3);
        assertThat(new LeaderSampling(1.0).sampleSize(7)).isEqualTo(7);
    }

    @Test
    void aConfidentialCitizenOrOneWithoutANumberIsNotCalledByTheUnitsLeader() {
        var citizen = new org.hotline.workorder.Citizen("王女士", "13812341234", false);
        var confidential = new org.hotline.workorder.Citizen("李先生", "13912345678", true);
        assertThat(LeaderSampling.leaderMayCall(citizen, true)).isTrue();
        assertThat(LeaderSampling.leaderMayCall(confidential, true)).isFalse();
        assertThat(LeaderSampling.leaderMayCall(citizen, false)).isFalse();
    }
}
