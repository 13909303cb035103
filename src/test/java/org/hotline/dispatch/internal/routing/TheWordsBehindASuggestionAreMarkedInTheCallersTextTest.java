package org.hotline.dispatch.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The words behind a suggestion, marked where they stand in the text the operator typed: every occurrence, latin
 * letters regardless of case, overlapping words as one mark, words the text does not contain not at all. The text
 * comes back whole, in pieces the page writes as text.
 */
class TheWordsBehindASuggestionAreMarkedInTheCallersTextTest {

    private static String marked(List<AdviceCards.Segment> segments) {
        StringBuilder s = new StringBuilder();
        segments.forEach(x -> s.append(x.marked() ? "[" + x.text() + "]" : x.text()));
        return s.toString();
    }

    @Test
    void everyOccurrenceIsMarkedAndOverlappingOrAdjacentWordsMakeOneMark() {
        assertThat(marked(AdviceCards.highlight("路边摆摊占道，占道经营到深夜", List.of("占道", "道经", "摆摊"))))
                .isEqualTo("路边[摆摊占道]，[占道经]营到深夜");
    }

    @Test
    void latinWordsMatchInAnyCaseAndMissingWordsMarkNothing() {
        assertThat(marked(AdviceCards.highlight("ETC 扣费两次", java.util.Arrays.asList("etc", "停电", " ", null))))
                .isEqualTo("[ETC] 扣费两次");
    }

    @Test
    void theTextComesBackWholeMarkupIncluded() {
        String text = "<script>alert(1)</script>积水";
        List<AdviceCards.Segment> segments = AdviceCards.highlight(text, List.of("积水"));
        assertThat(segments).extracting(AdviceCards.Segment::text).containsExactly("<script>alert(1)</script>", "积水");
        assertThat(AdviceCards.highlight("", List.of("积水"))).isEmpty();
    }
}
