package org.hotline.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline.organization.UnitId;
import org.junit.jupiter.api.Test;

/**
 * The dispatch directory's phrases in a message weigh for their units and are shown as evidence: each phrase
 * counts once per entry category however often it occurs, in the order the text first has it, and where
 * phrases start at the same place the longest comes first (路灯不亮 before 路灯), then the entries in the order
 * of the directory.
 */
class TheDirectorysPhrasesAreFoundLongestFirstAndOnceTest {

    private static DirectoryEntry entry(long id, String code, String... phrases) {
        return new DirectoryEntry(id, code, new UnitId("u" + id), "duty " + id, List.of(phrases), true);
    }

    @Test
    void eachPhraseOncePerCategoryInTheOrderOfTheTextLongestFirst() {
        DirectoryEntry lamps = entry(1, "10.01", "路灯", "噪音");
        DirectoryEntry broken = entry(2, "10.02", "路灯不亮");
        DirectoryEntry sameCategory = entry(3, "10.01", "路灯");
        DirectoryEntry other = entry(4, "10.03", "路灯", "灯不亮");
        DispatchDirectory directory = new DispatchDirectory(List.of(lamps, broken, sameCategory, other));

        List<DispatchDirectory.Found> found = directory.phrasesIn("噪音很大。路灯不亮，路灯又不亮了，噪音");

        assertThat(found).containsExactly(new DispatchDirectory.Found("噪音", lamps),
                new DispatchDirectory.Found("路灯不亮", broken), new DispatchDirectory.Found("路灯", lamps),
                new DispatchDirectory.Found("路灯", other), new DispatchDirectory.Found("灯不亮", other));
    }

    @Test
    void aTextWithoutPhrasesFindsNone() {
        DispatchDirectory directory = new DispatchDirectory(List.of(entry(1, "10.01", "路灯")));
        assertThat(directory.phrasesIn("路面坑洼")).isEmpty();
        assertThat(directory.phrasesIn("")).isEmpty();
        assertThat(directory.phrasesIn(null)).isEmpty();
        assertThat(DispatchDirectory.EMPTY.phrasesIn("路灯")).isEmpty();
    }
}
