package org.hotline.knowledge.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hotline.knowledge.EntryAction;
import org.hotline.knowledge.EntryFromOrder;
import org.hotline.knowledge.EntryId;
import org.hotline.knowledge.EntryStatus;
import org.hotline.knowledge.HistoryLine;
import org.hotline.knowledge.KnowledgeEntry;
import org.hotline.knowledge.KnowledgeRules;
import org.hotline.knowledge.KnowledgeSuggestion;
import org.hotline.organization.Actor;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.ConflictException;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.workorder.Decision;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base's use cases, one transaction each: check the input (400 naming the field), load the entry
 * (404 when the actor may not see it), ask {@link KnowledgeRules} (403 or 409 with the reason), write the entry
 * and a line of its history. The index follows through the change signal.
 */
@Service
class KnowledgeBase {

    /** What an editor writes; everything else about an entry the platform keeps. */
    record Content(String title, String answer, String policyBasis, UnitId unit, LocalDate validFrom,
            LocalDate validTo, List<String> keywords) {
    }

    /** A page of entries, with the marked title and snippet when it answers a search. */
    record Found(KnowledgeEntry entry, Double score, List<String> matchedWords, String titleMarked,
            String snippetMarked) {
    }

    record Page(List<Found> entries, long total, int page, int size) {
    }

    /** The most results a search pages through: nobody reads past this many. */
    static final int MAX_SEARCH_RESULTS = 200;
    static final int MAX_KEYWORDS = 20;
    static final int KEYWORD_CHARS = 20;

    private final JdbcKnowledgeEntries store;
    private final IndexedKnowledge index;
    private final Units units;
    private final WorkOrderService orders;
    private final Clock clock;

    KnowledgeBase(JdbcKnowledgeEntries store, IndexedKnowledge index, Units units, WorkOrderService orders,
            Clock clock) {
        this.store = store;
        this.index = index;
        this.units = units;
        this.orders = orders;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- writing

    @Transactional
    public KnowledgeEntry create(Content content, Actor actor) {
        refuseIfRejected(KnowledgeRules.mayPropose(actor));
        Content c = checked(content);
        Instant now = clock.instant();
        KnowledgeEntry stored = store.insert(new KnowledgeEntry(new EntryId(1), 1, c.title(), c.answer(),
                c.policyBasis(), c.unit(), c.validFrom(), c.validTo(), c.keywords(), EntryStatus.DRAFT, null, null,
                now, actor.username(), now, actor.username()));
        store.append(stored.id(), now, actor.username(), actor.role(), EntryAction.CREATED, null, EntryStatus.DRAFT,
                stored.version(), null, null);
        return stored;
    }

    @Transactional
    public KnowledgeEntry edit(EntryId id, Content content, Long expectedVersion, Actor actor) {
        KnowledgeEntry entry = load(id, actor, expectedVersion);
        refuseIfRejected(KnowledgeRules.mayEdit(entry, actor));
        Content c = checked(content);
        Instant now = clock.instant();
        KnowledgeEntry changed = new KnowledgeEntry(entry.id(), entry.version(), c.title(), c.answer(),
                c.policyBasis(), c.unit(), c.validFrom(), c.validTo(), c.keywords(), entry.status(),
                entry.sourceOrder(), entry.revises(), entry.createdAt(), entry.createdBy(), now, actor.username());
        String fields = changedFields(entry, changed);
        if (fields.isEmpty()) {
            return entry; // nothing to record
        }
        KnowledgeEntry stored = store.update(changed);
        store.append(id, now, actor.username(), actor.role(), EntryAction.EDITED, entry.status(), stored.status(),
                stored.version(), fields, null);
        return stored;
    }

    @Transactional
    public KnowledgeEntry submit(EntryId id, String note, Long expectedVersion, Actor actor) {
        KnowledgeEntry entry = load(id, actor, expectedVersion);
        refuseIfRejected(KnowledgeRules.maySubmit(entry, actor));
        return move(entry, EntryStatus.IN_REVIEW, EntryAction.SUBMITTED, note, actor);
    }

    /**
     * 审核: approving publishes the entry (and retires the entry it revises); sending back returns it to draft
     * with the reason.
     */
    @Transactional
    public KnowledgeEntry review(EntryId id, boolean approve, String reason, Long expectedVersion, Actor actor) {
        KnowledgeEntry entry = load(id, actor, expectedVersion);
        if (!approve) {
            refuseIfRejected(KnowledgeRules.maySendBack(entry, actor));
            if (reason == null || reason.isBlank()) {
                throw new InvalidInputException("reason", "退回修改须说明理由");
            }
            return move(entry, EntryStatus.DRAFT, EntryAction.SENT_BACK, reason.strip(), actor);
        }
        boolean proposer = store.history(id).stream().anyMatch(l -> l.proposes() && l.actor().equals(actor.username()));
        refuseIfRejected(KnowledgeRules.mayPublish(entry, actor, proposer));
        KnowledgeEntry published = move(entry, EntryStatus.PUBLISHED, EntryAction.PUBLISHED, blankToNull(reason),
                actor);
        if (entry.revises() != null) {
            store.find(entry.revises()).filter(old -> old.status() == EntryStatus.PUBLISHED)
                    .ifPresent(old -> move(old, EntryStatus.RETIRED, EntryAction.RETIRED,
                            "由修订版 #" + entry.id() + " 取代", actor));
        }
        return published;
    }

    @Transactional
    public KnowledgeEntry retire(EntryId id, String reason, Long expectedVersion, Actor actor) {
        KnowledgeEntry entry = load(id, actor, expectedVersion);
        refuseIfRejected(KnowledgeRules.mayRetire(entry, actor));
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "停用须说明理由");
        }
        return move(entry, EntryStatus.RETIRED, EntryAction.RETIRED, reason.strip(), actor);
    }

    /** 修订: a draft copy of a published entry, which replaces it once it is published itself. */
    @Transactional
    public KnowledgeEntry revise(EntryId id, Actor actor) {
        KnowledgeEntry entry = load(id, actor, null);
        refuseIfRejected(KnowledgeRules.mayRevise(entry, actor, store.openRevisionOf(id).isPresent()));
        Instant now = clock.instant();
        KnowledgeEntry stored = store.insert(new KnowledgeEntry(new EntryId(1), 1, entry.title(), entry.answer(),
                entry.policyBasis(), entry.unit(), entry.validFrom(), entry.validTo(), entry.keywords(),
                EntryStatus.DRAFT, null, entry.id(), now, actor.username(), now, actor.username()));
        store.append(stored.id(), now, actor.username(), actor.role(), EntryAction.CREATED, null, EntryStatus.DRAFT,
                stored.version(), "修订 #" + entry.id(), null);
        return stored;
    }

    /** A closed order's reply as a draft entry (see {@link EntryFromOrder}); one entry per order. */
    @Transactional
    public KnowledgeEntry fromOrder(OrderNumber number, Actor actor) {
        refuseIfRejected(KnowledgeRules.mayPropose(actor));
        WorkOrder order = orders.find(number, actor);
        refuseIfRejected(EntryFromOrder.mayTurnIntoEntry(order));
        store.findBySourceOrder(number).ifPresent(existing -> {
            throw new ConflictException("knowledge-order-already-used",
                    "工单 " + number + " 已转为知识条目 #" + existing.id());
        });
        EntryFromOrder.Draft draft = EntryFromOrder.draft(order);
        UnitId unit = draft.unit() != null && units.find(draft.unit()).isPresent() ? draft.unit() : null;
        Instant now = clock.instant();
        KnowledgeEntry stored;
        try {
            stored = store.insert(new KnowledgeEntry(new EntryId(1), 1, clip(draft.title(), 200),
                    clip(draft.answer(), 10_000), null, unit, null, null, List.of(), EntryStatus.DRAFT, number, null,
                    now, actor.username(), now, actor.username()));
        } catch (DuplicateKeyException twin) {
            throw new ConflictException("knowledge-order-already-used", "工单 " + number + " 已转为知识条目");
        }
        store.append(stored.id(), now, actor.username(), actor.role(), EntryAction.CREATED, null, EntryStatus.DRAFT,
                stored.version(), "工单 " + number, null);
        return stored;
    }

    // ---------------------------------------------------------------- reading

    /** The entry as the actor may see it: editors any, other center roles only what is served today. */
    public KnowledgeEntry find(EntryId id, Actor actor) {
        return load(id, actor, null);
    }

    public List<HistoryLine> history(EntryId id, Actor actor) {
        load(id, actor, null);
        return store.history(id);
    }

    /**
     * Entries for the center: with {@code q}, the best matches (marked); without, the most recently changed.
     * {@code everything}: all statuses (editors only), else only what is served today.
     */
    public Page list(String q, boolean everything, Set<EntryStatus> statuses, UnitId unit, int page, int size,
            Actor actor) {
        refuseIfRejected(KnowledgeRules.mayRead(actor));
        if ((everything || !statuses.isEmpty()) && !KnowledgeRules.seesUnpublished(actor)) {
            throw new ForbiddenException("knowledge-editors-only", "只有编辑人员可以查看未发布的知识条目");
        }
        KnowledgeIndex.Filter filter = everything || !statuses.isEmpty()
                ? new KnowledgeIndex.Filter(null, statuses, unit)
                : new KnowledgeIndex.Filter(index.today(), Set.of(), unit);
        return page(q, filter, page, size);
    }

    /** What citizens read: published entries valid today. */
    public Page publicList(String q, int page, int size) {
        return page(q, KnowledgeIndex.Filter.servedOn(index.today()), page, size);
    }

    public KnowledgeEntry publicFind(EntryId id) {
        return store.find(id).filter(e -> e.isServedOn(index.today()))
                .orElseThrow(() -> new NotFoundException("知识条目 " + id + " 不存在"));
    }

    public List<KnowledgeSuggestion> suggest(String content, int limit, Actor actor) {
        refuseIfRejected(KnowledgeRules.mayRead(actor));
        return index.suggest(content, limit);
    }

    private Page page(String q, KnowledgeIndex.Filter filter, int page, int size) {
        if (q == null || q.isBlank()) {
            JdbcKnowledgeEntries.Page found = store.list(filter.statuses(), filter.unit(), filter.servedOn(), page,
                    size);
            return new Page(found.entries().stream().map(e -> new Found(e, null, null, null, null)).toList(),
                    found.total(), page, size);
        }
        long wanted = Math.min(MAX_SEARCH_RESULTS, (long) (page + 1) * size);
        List<KnowledgeIndex.Hit> hits = index.search(q, filter, (int) wanted);
        List<Found> found = new ArrayList<>();
        for (int i = page * size; i < hits.size() && i < (page + 1) * size; i++) {
            KnowledgeSuggestion s = index.suggestion(hits.get(i));
            found.add(new Found(s.entry(), s.score(), s.matchedWords(), s.titleMarked(), s.snippetMarked()));
        }
        return new Page(found, hits.size(), page, size);
    }

    // ---------------------------------------------------------------- helpers

    private KnowledgeEntry move(KnowledgeEntry entry, EntryStatus next, EntryAction action, String note,
            Actor actor) {
        Instant now = clock.instant();
        KnowledgeEntry stored = store.update(entry.withStatus(next, actor.username(), now));
        store.append(entry.id(), now, actor.username(), actor.role(), action, entry.status(), next, stored.version(),
                null, note);
        return stored;
    }

    private KnowledgeEntry load(EntryId id, Actor actor, Long expectedVersion) {
        refuseIfRejected(KnowledgeRules.mayRead(actor));
        KnowledgeEntry entry = store.find(id)
                .filter(e -> KnowledgeRules.seesUnpublished(actor) || e.isServedOn(index.today()))
                .orElseThrow(() -> new NotFoundException("知识条目 " + id + " 不存在"));
        if (expectedVersion != null && expectedVersion != entry.version()) {
            throw new ConflictException("stale-version", "知识条目已被其他用户修改（当前版本 " + entry.version()
                    + "，请求版本 " + expectedVersion + "），请刷新后重试");
        }
        return entry;
    }

    /** The content with blank optional fields as null and every field checked; the field at fault is named. */
    Content checked(Content c) {
        String title = required("title", c.title(), 200);
        String answer = required("answer", c.answer(), 10_000);
        String basis = optional("policyBasis", c.policyBasis(), 2000);
        if (c.unit() != null) {
            Unit unit = units.find(c.unit()).orElseThrow(() -> new InvalidInputException("unit", "未知单位：" + c.unit()));
            if (!unit.active()) {
                throw new InvalidInputException("unit", "单位已停用：" + unit.name());
            }
        }
        if (c.validFrom() != null && c.validTo() != null && c.validTo().isBefore(c.validFrom())) {
            throw new InvalidInputException("validTo", "有效期截止日不能早于起始日");
        }
        List<String> keywords = new ArrayList<>();
        List<String> given = c.keywords() == null ? List.of() : c.keywords();
        if (given.size() > MAX_KEYWORDS) {
            throw new InvalidInputException("keywords", "关键词不能超过 " + MAX_KEYWORDS + " 个");
        }
        for (int i = 0; i < given.size(); i++) {
            String k = given.get(i) == null ? "" : given.get(i).strip();
            String field = "keywords[" + i + "]";
            if (k.isEmpty()) {
                throw new InvalidInputException(field, "关键词不能为空");
            }
            if (k.length() > KEYWORD_CHARS) {
                throw new InvalidInputException(field, "关键词不能超过 " + KEYWORD_CHARS + " 个字符");
            }
            if (k.indexOf('\n') >= 0 || k.indexOf('\r') >= 0) {
                throw new InvalidInputException(field, "关键词不能换行");
            }
            if (!keywords.contains(k)) {
                keywords.add(k);
            }
        }
        return new Content(title, answer, basis, c.unit(), c.validFrom(), c.validTo(), keywords);
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "必须填写");
        }
        return optional(field, value, max);
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "不能超过 " + max + " 个字符");
        }
        return v;
    }

    /** The names of the fields an edit changed, in Chinese, for the history. */
    static String changedFields(KnowledgeEntry before, KnowledgeEntry after) {
        List<String> fields = new ArrayList<>();
        if (!before.title().equals(after.title())) {
            fields.add("标题");
        }
        if (!before.answer().equals(after.answer())) {
            fields.add("答复");
        }
        if (!Objects.equals(before.policyBasis(), after.policyBasis())) {
            fields.add("政策依据");
        }
        if (!Objects.equals(before.unit(), after.unit())) {
            fields.add("单位");
        }
        if (!Objects.equals(before.validFrom(), after.validFrom()) || !Objects.equals(before.validTo(),
                after.validTo())) {
            fields.add("有效期");
        }
        if (!before.keywords().equals(after.keywords())) {
            fields.add("关键词");
        }
        return String.join("、", fields);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static void refuseIfRejected(Decision decision) {
        if (decision instanceof Decision.Rejected r) {
            if (r.forbidden()) {
                throw new ForbiddenException(r.code(), r.reason());
            }
            throw new ConflictException(r.code(), r.reason());
        }
    }
}
