package org.hotline.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hotline.knowledge.EntryAction;
import org.hotline.knowledge.EntryId;
import org.hotline.knowledge.EntryStatus;
import org.hotline.knowledge.KnowledgeEntry;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.platform.ConflictException;
import org.hotline.workorder.OrderNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The knowledge base's SQL, the same on both databases (subclasses: on H2 and on PostgreSQL). */
abstract class KnowledgeStorageContract {

    @Autowired
    JdbcKnowledgeEntries store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEntryIsStoredAndReadBackWhole() {
        Instant at = Instant.parse("2026-12-06T02:00:00Z");
        KnowledgeEntry stored = store.insert(new KnowledgeEntry(new EntryId(1), 1, "供暖时间", "11月15日起供暖。",
                "市供热管理办法", new UnitId("dcf-zjj"), LocalDate.of(2026, 11, 1), LocalDate.of(2027, 3, 31),
                List.of("暖气", "供热 时间"), EntryStatus.DRAFT, null, null, at, "admin", at, "admin"));

        KnowledgeEntry read = store.find(stored.id()).orElseThrow();
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.keywords()).containsExactly("暖气", "供热 时间");
        assertThat(read.validFrom()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(read.validTo()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(read.createdAt().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(at);
        assertThat(read.unit()).isEqualTo(new UnitId("dcf-zjj"));
        assertThat(store.versions()).containsEntry(stored.id(), 1L);
    }

    @Test
    void anUpdateFromAStaleReadIsRefusedAndChangesNothing() {
        KnowledgeEntry stored = store.insert(draft("旧的读取", null));
        KnowledgeEntry second = store.update(stored.withStatus(EntryStatus.IN_REVIEW, "admin", Instant.now()));
        assertThat(second.version()).isEqualTo(2);
        assertThatThrownBy(() -> store.update(stored.withStatus(EntryStatus.RETIRED, "admin", Instant.now())))
                .isInstanceOf(ConflictException.class);
        assertThat(store.find(stored.id()).orElseThrow().status()).isEqualTo(EntryStatus.IN_REVIEW);
    }

    @Test
    void anOrderBecomesOneEntryAtMost() {
        OrderNumber order = new OrderNumber("20261206-" + String.format("%06d", System.nanoTime() % 1_000_000));
        store.insert(draft("工单转知识", order));
        assertThatThrownBy(() -> store.insert(draft("工单再转知识", order))).isInstanceOf(DuplicateKeyException.class);
        assertThat(store.findBySourceOrder(order)).isPresent();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAHistoryLine() {
        KnowledgeEntry stored = store.insert(draft("只增不改", null));
        store.append(stored.id(), Instant.now(), "admin", Role.ADMIN, EntryAction.CREATED, null, EntryStatus.DRAFT, 1,
                null, "第一行");
        store.append(stored.id(), Instant.now(), "admin", Role.ADMIN, EntryAction.SUBMITTED, EntryStatus.DRAFT,
                EntryStatus.IN_REVIEW, 2, null, null);

        assertThat(store.history(stored.id())).extracting(l -> l.seq()).containsExactly(1, 2);
        assertThatThrownBy(() -> jdbc.sql("UPDATE knowledge_entry_history SET note = '改写' WHERE entry_id = :id")
                .param("id", stored.id().value()).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM knowledge_entry_history WHERE entry_id = :id")
                .param("id", stored.id().value()).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(store.history(stored.id()).get(0).note()).isEqualTo("第一行");
    }

    @Test
    void aPageListsTheServedEntriesOfADay() {
        LocalDate day = LocalDate.of(2031, 5, 1);
        KnowledgeEntry served = store.insert(new KnowledgeEntry(new EntryId(1), 1, "五一专题", "答", null, null, day, day,
                List.of(), EntryStatus.PUBLISHED, null, null, Instant.now(), "a", Instant.now(), "a"));
        List<EntryId> that = store.list(List.of(), null, day, 0, 1000).entries().stream().map(KnowledgeEntry::id)
                .toList();
        List<EntryId> next = store.list(List.of(), null, day.plusDays(1), 0, 1000).entries().stream()
                .map(KnowledgeEntry::id).toList();
        assertThat(that).contains(served.id());
        assertThat(next).doesNotContain(served.id());
    }

    private static KnowledgeEntry draft(String title, OrderNumber order) {
        Instant now = Instant.now();
        return new KnowledgeEntry(new EntryId(1), 1, title, "答复", null, null, null, null, List.of(), EntryStatus.DRAFT,
                order, null, now, "admin", now, "admin");
    }
}
