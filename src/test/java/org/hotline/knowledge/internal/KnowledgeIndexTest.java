package org.hotline.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.hotline.knowledge.EntryId;
import org.hotline.knowledge.EntryStatus;
import org.hotline.knowledge.KnowledgeEntry;
import org.hotline.organization.UnitId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The index finds entries by the words of an appeal and serves only what may be served. */
class KnowledgeIndexTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private final KnowledgeIndex index = new KnowledgeIndex(ChineseAnalysis.JIEBA_SEARCH,
            KnowledgeIndex.Settings.defaults());

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void anAppealFindsTheEntryThatAnswersItWithTheWordsItMatched() {
        index.put(entry(1, "住房公积金提取需要什么材料", "职工购房、租房可以提取住房公积金。", EntryStatus.PUBLISHED, null, null));
        index.put(entry(2, "居住证怎么办理", "到居住地派出所申领居住证。", EntryStatus.PUBLISHED, null, null));
        index.put(entry(3, "停电怎么报修", "拨打95598报修。", EntryStatus.PUBLISHED, null, null));
        index.refresh();

        List<KnowledgeIndex.Hit> hits = index.search("你好，我想问一下租房子能不能把公积金取出来", KnowledgeIndex.Filter.servedOn(TODAY), 3);

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).entry().id()).isEqualTo(new EntryId(1));
        assertThat(hits.get(0).matchedWords()).contains("公积金");
        assertThat(hits.get(0).coverage()).isBetween(0.0, 1.0);
    }

    @Test
    void onlyPublishedEntriesValidTodayAreServedEditorsFindEveryEntry() {
        index.put(entry(1, "供暖时间", "供暖时间为11月15日至次年3月15日。", EntryStatus.PUBLISHED, TODAY.minusDays(30), TODAY.plusDays(90)));
        index.put(entry(2, "去年的供暖时间", "供暖时间为去年11月15日至3月15日。", EntryStatus.PUBLISHED, null, TODAY.minusDays(1)));
        index.put(entry(3, "明年的供暖时间", "供暖时间待定。", EntryStatus.PUBLISHED, TODAY.plusDays(1), null));
        index.put(entry(4, "供暖时间（草稿）", "供暖时间草稿。", EntryStatus.DRAFT, null, null));
        index.put(entry(5, "供暖时间（停用）", "供暖时间停用。", EntryStatus.RETIRED, null, null));
        index.refresh();

        assertThat(ids(index.search("供暖时间", KnowledgeIndex.Filter.servedOn(TODAY), 10))).containsExactly(1L);
        assertThat(ids(index.search("供暖时间", KnowledgeIndex.Filter.everything(), 10)))
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(ids(index.search("供暖时间", new KnowledgeIndex.Filter(null, Set.of(EntryStatus.DRAFT), null), 10)))
                .containsExactly(4L);
    }

    @Test
    void aChangedEntryReplacesItsOldTextAndARemovedOneIsGone() {
        index.put(entry(1, "燃气报修", "拨打燃气公司电话。", EntryStatus.PUBLISHED, null, null));
        index.refresh();
        index.put(entry(1, "自来水报修", "拨打供水公司电话。", EntryStatus.PUBLISHED, null, null));
        index.refresh();
        assertThat(index.search("燃气", KnowledgeIndex.Filter.servedOn(TODAY), 3)).isEmpty();
        assertThat(ids(index.search("自来水", KnowledgeIndex.Filter.servedOn(TODAY), 3))).containsExactly(1L);
        index.remove(new EntryId(1));
        index.refresh();
        assertThat(index.search("自来水", KnowledgeIndex.Filter.servedOn(TODAY), 3)).isEmpty();
    }

    @Test
    void textWithNothingToFindFindsNothingAndNeverFails() {
        index.put(entry(1, "燃气报修", "拨打燃气公司电话。", EntryStatus.PUBLISHED, null, null));
        index.refresh();
        for (String text : List.of("", "   ", "。。。！！", "\uD83D\uDE00\uD83D\uDE00", "的了吗", "x".repeat(10_000))) {
            assertThat(index.search(text, KnowledgeIndex.Filter.servedOn(TODAY), 3)).as(text).isEmpty();
        }
    }

    private static List<Long> ids(List<KnowledgeIndex.Hit> hits) {
        return hits.stream().map(h -> h.entry().id().value()).toList();
    }

    static KnowledgeEntry entry(long id, String title, String answer, EntryStatus status, LocalDate from, LocalDate to) {
        return new KnowledgeEntry(new EntryId(id), 1, title, answer, null, new UnitId("dcf-heat"), from, to, List.of(),
                status, null, null, Instant.EPOCH, "t", Instant.EPOCH, "t");
    }
}
