package org.hotline.knowledge;

import java.util.EnumSet;
import java.util.Set;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.workorder.Decision;

/**
 * Who may do what with the knowledge base, and when.
 *
 * <p>Reading is for the center: every center role searches published entries during a call, and citizens read
 * them through the public endpoint; units handle orders and have no part here. Writing is a four-eyes process,
 * because what is published is what operators tell citizens as the hotline's answer:
 * <ul>
 *   <li><b>Editors</b> (督办员, 审核员, 中心主任, 系统管理员: the people who see replies judged good) write drafts,
 *       turn a closed order's reply into one, change drafts, propose them for publication and draft revisions of
 *       published entries.</li>
 *   <li><b>Publishers</b> (中心主任, 系统管理员) publish a proposed entry, or send it back with a reason, and retire
 *       entries. A publisher who wrote, changed or proposed the entry may not publish it: someone else reads it
 *       first.</li>
 * </ul>
 * A published entry is never changed in place (operators may be reading it out): a revision is drafted beside it
 * and replaces it when it is published in turn.
 */
public final class KnowledgeRules {

    public static final Set<Role> EDITORS = EnumSet.of(Role.SUPERVISOR, Role.REVIEWER, Role.DIRECTOR, Role.ADMIN);
    public static final Set<Role> PUBLISHERS = EnumSet.of(Role.DIRECTOR, Role.ADMIN);

    private KnowledgeRules() {
    }

    /** The center reads the knowledge base; the units do not. */
    public static Decision mayRead(Actor actor) {
        return actor.isCenter() ? Decision.allowed()
                : Decision.forbidden("knowledge-center-only", "知识库供受理中心人员使用，市民和单位可查阅公开知识库");
    }

    /** Whether the actor sees entries that are not served (drafts, entries in review, retired ones). */
    public static boolean seesUnpublished(Actor actor) {
        return EDITORS.contains(actor.role());
    }

    public static Decision mayPropose(Actor actor) {
        return EDITORS.contains(actor.role()) ? Decision.allowed()
                : Decision.forbidden("knowledge-editors-only", "只有督办员、审核员、中心主任和系统管理员可以编写知识条目");
    }

    /** A draft changes; anything further along does not (a published entry gets a revision instead). */
    public static Decision mayEdit(KnowledgeEntry entry, Actor actor) {
        return Decision.firstRejection(() -> mayPropose(actor), () -> isDraft(entry,
                entry.status() == EntryStatus.PUBLISHED ? "已发布的条目不能直接修改，请创建修订版"
                        : "只有草稿可以修改，当前状态：" + entry.status().label()));
    }

    public static Decision maySubmit(KnowledgeEntry entry, Actor actor) {
        return Decision.firstRejection(() -> mayPropose(actor),
                () -> isDraft(entry, "只有草稿可以提交审核，当前状态：" + entry.status().label()));
    }

    /**
     * 发布: a publisher, an entry in review, and not one the publisher wrote, changed or proposed (four eyes).
     * {@code proposer}: whether the actor has a proposing line in the entry's history.
     */
    public static Decision mayPublish(KnowledgeEntry entry, Actor actor, boolean proposer) {
        return Decision.firstRejection(() -> mayDecide(actor), () -> isInReview(entry),
                () -> proposer ? Decision.forbidden("knowledge-four-eyes",
                        "编写、修改或提交本条目的人不能发布它，须由另一位发布人审核") : Decision.allowed());
    }

    /** 退回修改: a publisher sends an entry in review back to draft (its proposer may withdraw it this way too). */
    public static Decision maySendBack(KnowledgeEntry entry, Actor actor) {
        return Decision.firstRejection(() -> mayDecide(actor), () -> isInReview(entry));
    }

    public static Decision mayRetire(KnowledgeEntry entry, Actor actor) {
        return Decision.firstRejection(() -> mayDecide(actor), () -> entry.status() == EntryStatus.RETIRED
                ? Decision.rejected("knowledge-already-retired", "该条目已停用") : Decision.allowed());
    }

    /** 修订: a published entry gets one draft revision at a time. */
    public static Decision mayRevise(KnowledgeEntry entry, Actor actor, boolean revisionOpen) {
        return Decision.firstRejection(() -> mayPropose(actor),
                () -> entry.status() == EntryStatus.PUBLISHED ? Decision.allowed()
                        : Decision.rejected("knowledge-not-published", "只有已发布的条目可以修订"),
                () -> revisionOpen ? Decision.rejected("knowledge-revision-open", "该条目已有未完成的修订版")
                        : Decision.allowed());
    }

    private static Decision mayDecide(Actor actor) {
        return PUBLISHERS.contains(actor.role()) ? Decision.allowed()
                : Decision.forbidden("knowledge-publishers-only", "只有中心主任和系统管理员可以发布、退回或停用知识条目");
    }

    private static Decision isDraft(KnowledgeEntry entry, String reason) {
        return entry.status() == EntryStatus.DRAFT ? Decision.allowed()
                : Decision.rejected("knowledge-not-a-draft", reason);
    }

    private static Decision isInReview(KnowledgeEntry entry) {
        return entry.status() == EntryStatus.IN_REVIEW ? Decision.allowed()
                : Decision.rejected("knowledge-not-in-review", "条目须先提交审核，当前状态：" + entry.status().label());
    }
}
