package org.hotline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.workorder.Decision;
import org.junit.jupiter.api.Test;

/** Who may do what with an entry, and when (KnowledgeRules), each rule on its own. */
class KnowledgeRulesTest {

    static final Actor OPERATOR = new Actor("op", "话务员", Role.OPERATOR, null);
    static final Actor SUPERVISOR = new Actor("sup", "督办员", Role.SUPERVISOR, null);
    static final Actor REVIEWER = new Actor("rev", "审核员", Role.REVIEWER, null);
    static final Actor DIRECTOR = new Actor("dir", "主任", Role.DIRECTOR, null);
    static final Actor ADMIN = new Actor("adm", "管理员", Role.ADMIN, null);
    static final Actor HANDLER = new Actor("h", "承办人", Role.UNIT_HANDLER, new UnitId("dcf-zjj"));

    @Test
    void unitsDoNotReadTheKnowledgeBase() {
        assertThat(code(KnowledgeRules.mayRead(HANDLER))).isEqualTo("knowledge-center-only");
        for (Role role : Role.values()) {
            if (role.isCenter()) {
                assertThat(KnowledgeRules.mayRead(new Actor("x", "x", role, null)).isAllowed()).as(role.name()).isTrue();
            }
        }
    }

    @Test
    void onlyEditorsProposeEntries() {
        assertThat(code(KnowledgeRules.mayPropose(OPERATOR))).isEqualTo("knowledge-editors-only");
        assertThat(code(KnowledgeRules.mayPropose(HANDLER))).isEqualTo("knowledge-editors-only");
        for (Actor editor : List.of(SUPERVISOR, REVIEWER, DIRECTOR, ADMIN)) {
            assertThat(KnowledgeRules.mayPropose(editor).isAllowed()).as(editor.username()).isTrue();
        }
    }

    @Test
    void onlyADraftChangesAPublishedEntryIsNeverChangedInPlace() {
        assertThat(KnowledgeRules.mayEdit(entry(EntryStatus.DRAFT), REVIEWER).isAllowed()).isTrue();
        Decision published = KnowledgeRules.mayEdit(entry(EntryStatus.PUBLISHED), ADMIN);
        assertThat(code(published)).isEqualTo("knowledge-not-a-draft");
        assertThat(((Decision.Rejected) published).reason()).isEqualTo("已发布的条目不能直接修改，请创建修订版");
        assertThat(code(KnowledgeRules.mayEdit(entry(EntryStatus.IN_REVIEW), ADMIN))).isEqualTo("knowledge-not-a-draft");
        assertThat(code(KnowledgeRules.maySubmit(entry(EntryStatus.RETIRED), ADMIN))).isEqualTo("knowledge-not-a-draft");
    }

    @Test
    void whoeverWroteChangedOrProposedAnEntryMayNotPublishIt() {
        KnowledgeEntry inReview = entry(EntryStatus.IN_REVIEW);
        Decision own = KnowledgeRules.mayPublish(inReview, DIRECTOR, true);
        assertThat(code(own)).isEqualTo("knowledge-four-eyes");
        assertThat(((Decision.Rejected) own).forbidden()).isTrue();
        assertThat(KnowledgeRules.mayPublish(inReview, DIRECTOR, false).isAllowed()).isTrue();
    }

    @Test
    void onlyPublishersPublishSendBackOrRetire() {
        KnowledgeEntry inReview = entry(EntryStatus.IN_REVIEW);
        for (Actor notPublisher : List.of(SUPERVISOR, REVIEWER, OPERATOR)) {
            assertThat(code(KnowledgeRules.mayPublish(inReview, notPublisher, false))).isEqualTo("knowledge-publishers-only");
            assertThat(code(KnowledgeRules.maySendBack(inReview, notPublisher))).isEqualTo("knowledge-publishers-only");
            assertThat(code(KnowledgeRules.mayRetire(entry(EntryStatus.PUBLISHED), notPublisher)))
                    .isEqualTo("knowledge-publishers-only");
        }
        assertThat(KnowledgeRules.maySendBack(inReview, ADMIN).isAllowed()).isTrue();
        assertThat(code(KnowledgeRules.mayPublish(entry(EntryStatus.DRAFT), ADMIN, false))).isEqualTo("knowledge-not-in-review");
        assertThat(code(KnowledgeRules.mayRetire(entry(EntryStatus.RETIRED), ADMIN))).isEqualTo("knowledge-already-retired");
    }

    @Test
    void aPublishedEntryHasOneOpenRevisionAtATime() {
        assertThat(KnowledgeRules.mayRevise(entry(EntryStatus.PUBLISHED), SUPERVISOR, false).isAllowed()).isTrue();
        assertThat(code(KnowledgeRules.mayRevise(entry(EntryStatus.PUBLISHED), SUPERVISOR, true)))
                .isEqualTo("knowledge-revision-open");
        assertThat(code(KnowledgeRules.mayRevise(entry(EntryStatus.DRAFT), SUPERVISOR, false)))
                .isEqualTo("knowledge-not-published");
    }

    @Test
    void onlyAPublishedEntryWithinItsValidityIsServed() {
        LocalDate day = LocalDate.of(2026, 12, 6);
        assertThat(entry(EntryStatus.PUBLISHED).isServedOn(day)).isTrue();
        assertThat(entry(EntryStatus.IN_REVIEW).isServedOn(day)).isFalse();
        KnowledgeEntry season = new KnowledgeEntry(new EntryId(2), 1, "供暖", "答", null, null, LocalDate.of(2026, 11, 15),
                LocalDate.of(2027, 3, 15), List.of(), EntryStatus.PUBLISHED, null, null, Instant.EPOCH, "a",
                Instant.EPOCH, "a");
        assertThat(season.isServedOn(LocalDate.of(2026, 11, 15))).isTrue();
        assertThat(season.isServedOn(LocalDate.of(2027, 3, 15))).isTrue();
        assertThat(season.isServedOn(LocalDate.of(2026, 11, 14))).isFalse();
        assertThat(season.isServedOn(LocalDate.of(2027, 3, 16))).isFalse();
    }

    static KnowledgeEntry entry(EntryStatus status) {
        return new KnowledgeEntry(new EntryId(1), 1, "标题", "答复", null, null, null, null, List.of(), status, null, null,
                Instant.EPOCH, "a", Instant.EPOCH, "a");
    }

    private static String code(Decision d) {
        return d instanceof Decision.Rejected r ? r.code() : null;
    }
}
