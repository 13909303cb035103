package org.hotline.hotissue.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.hotline.hotissue.Appeal;
import org.hotline.hotissue.Heat;
import org.hotline.hotissue.HotIssue;
import org.hotline.hotissue.HotIssueClustering;
import org.hotline.hotissue.HotIssueLookup;
import org.hotline.hotissue.Tackling;
import org.hotline.hotissue.TacklingStatus;
import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.ConflictException;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.workorder.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hot issues as the platform keeps them: every new order is attached to its hot issue right after intake
 * ({@link #attachQueued}, taking the orders the intake queued: {@link HotIssueQueue}), a supervisor links and unlinks by hand, the daily top list and each unit's recurring
 * problems are read from the stored figures, and the tackling of an issue moves through its rules.
 *
 * <p>The grouping itself ({@link HotIssueClustering}) lives in memory, holding the appeals of the last
 * {@link #MEMORY} (older issues cannot be joined: they are outside the window); it is rebuilt from the stored
 * members at start, and before each attach it reads the members other instances stored since. Attaching is
 * serialised on this instance by a lock.
 */
@Service
class HotIssueService implements HotIssueLookup {

    private static final Logger log = LoggerFactory.getLogger(HotIssueService.class);

    /** How far back the grouping keeps appeals in memory: the window and a margin. */
    static final Duration MEMORY = HotIssueClustering.Settings.defaults().window().plusDays(30);
    /** The days before the choice and after the result whose appeals measure a tackling's effect. */
    static final int VOLUME_DAYS = 30;

    private final HotIssueStore store;
    private final Units units;
    private final Clock clock;
    private final ZoneId zone;
    private final Object lock = new Object();
    private HotIssueClustering clustering;
    private long seenSeq;

    HotIssueService(HotIssueStore store, Units units, Clock clock,
            @Value("${hotline.zone:Asia/Shanghai}") String zone) {
        this.store = store;
        this.units = units;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    // ---- grouping

    private HotIssueClustering clustering() {
        if (clustering == null) {
            long started = System.nanoTime();
            clustering = new HotIssueClustering(HotIssueClustering.Settings.defaults(), store::nextIssueId);
            seenSeq = 0;
            catchUp();
            log.info("Hot issues: {} recent appeals grouped again in {} ms", clustering.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return clustering;
    }

    /** Places the members stored since last read (at start: all recent ones) where they are stored. */
    private void catchUp() {
        for (HotIssueStore.StoredMember m : store.membersSince(clock.instant().minus(MEMORY), seenSeq)) {
            if (m.manual() && store.wasMadeApart(m.issueId())) {
                clustering.placeApart(m.appeal(), m.issueId());
            } else {
                clustering.place(m.appeal(), m.issueId());
            }
            seenSeq = Math.max(seenSeq, m.seq());
        }
    }

    /**
     * Attaches the next {@code limit} orders of the queue to their hot issues (opening one where none fits), in this
     * one transaction, after any other instance's batch (a lock); each order at most once (one another instance
     * took, or that is a member already, is left alone). Orders in {@code skipped} are left in the queue. Returns how many orders were taken from the queue.
     *
     * <p>The grouping in memory changes as the orders join; if this transaction does not commit, it is dropped and
     * built again from what is stored, so that memory never holds a member the database does not.
     */
    @Transactional
    public int attachQueued(int limit, Set<String> skipped, String instance) {
        store.lockBatches();
        List<HotIssueStore.Queued> taken = store.take(limit, skipped, instance);
        if (taken.isEmpty()) {
            return 0;
        }
        synchronized (lock) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        forget();
                    }
                }
            });
            HotIssueClustering c = clustering();
            catchUp();
            Set<String> stored = store.members(taken.stream().map(HotIssueStore.Queued::number).toList());
            Instant now = clock.instant();
            for (HotIssueStore.Queued q : taken) {
                // A redelivered order attaches nothing twice (checked under the lock: in memory and stored).
                if (q.appeal().isEmpty() || stored.contains(q.number()) || c.issueOf(q.number()).isPresent()) {
                    continue;
                }
                attach(c, q.appeal().get(), now);
            }
        }
        return taken.size();
    }

    private void attach(HotIssueClustering c, Appeal appeal, Instant now) {
        HotIssueClustering.Assignment a = c.add(appeal);
        for (long absorbed : a.absorbed()) {
            store.moveMembers(absorbed, a.issueId());
            store.appendHistory(a.issueId(), new Tackling.Entry(now, Actor.SYSTEM, "MERGE",
                    "热点 #" + absorbed + " 与本热点为同一地点的同一问题，已合并", null, null));
        }
        store.saveIssue(c.issue(a.issueId(), now).orElseThrow());
        seenSeq = Math.max(seenSeq, store.addMember(appeal.id(), a.issueId(), appeal,
                a.opened() ? null : a.similarity(), now));
    }

    /** Drops the grouping in memory: the next use builds it again from the stored members. */
    private void forget() {
        synchronized (lock) {
            clustering = null;
        }
    }

    /** A supervisor puts an order into another hot issue. */
    @Transactional
    public HotIssueViews.OrderIssue link(String number, long issueId, Actor actor) {
        requireSupervisor(actor);
        Appeal appeal = store.appealOf(number).orElseThrow(() -> new NotFoundException("没有工单 " + number));
        store.figures(issueId, clock.instant(), clock.instant()).orElseThrow(
                () -> new NotFoundException("没有热点问题 #" + issueId));
        store.lockBatches();
        synchronized (lock) {
            HotIssueClustering c = clustering();
            catchUp();
            Optional<Long> before = store.issueOf(number);
            if (before.isPresent() && before.get() == issueId) {
                throw new ConflictException("already-linked", "工单 " + number + " 已在热点问题 #" + issueId + " 中");
            }
            c.place(appeal, issueId);
            Instant now = clock.instant();
            seenSeq = Math.max(seenSeq, store.saveMember(number, issueId, appeal, true, null, now));
            refresh(c, issueId, now);
            before.ifPresent(old -> refresh(c, old, now));
            store.appendHistory(issueId, new Tackling.Entry(now, actor.username(), "LINK",
                    "工单 " + number + " 由督办员关联" + before.map(o -> "（原属热点 #" + o + "）").orElse(""), null, null));
        }
        return ofOrder(number).orElseThrow();
    }

    /** A supervisor takes an order out of its hot issue into one of its own; the grouping leaves it there. */
    @Transactional
    public HotIssueViews.OrderIssue unlink(String number, Actor actor) {
        requireSupervisor(actor);
        Appeal appeal = store.appealOf(number).orElseThrow(() -> new NotFoundException("没有工单 " + number));
        long old = store.issueOf(number).orElseThrow(() -> new ConflictException("not-linked",
                "工单 " + number + " 不属于任何热点问题"));
        store.lockBatches();
        synchronized (lock) {
            HotIssueClustering c = clustering();
            catchUp();
            if (c.issueOf(number).isEmpty()) {
                c.place(appeal, old);
            }
            long own = c.detach(number).orElseThrow();
            Instant now = clock.instant();
            store.saveIssue(c.issue(own, now).orElseThrow());
            store.markApart(own);
            seenSeq = Math.max(seenSeq, store.saveMember(number, own, appeal, true, null, now));
            refresh(c, old, now);
            store.appendHistory(old, new Tackling.Entry(now, actor.username(), "UNLINK",
                    "工单 " + number + " 由督办员移出，单独成为热点 #" + own, null, null));
        }
        return ofOrder(number).orElseThrow();
    }

    private void refresh(HotIssueClustering c, long id, Instant now) {
        c.issue(id, now).ifPresentOrElse(store::saveIssue, () -> store.emptyIssue(id));
    }

    // ---- reading

    /** The day's top list: the issues with an appeal in the window before the day's end, hottest first. */
    public HotIssueViews.TopList top(LocalDate day, int limit) {
        Instant asOf = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant from = asOf.minus(HotIssueClustering.Settings.defaults().window());
        List<HotIssueViews.IssueSummary> issues = store.active(from, asOf, asOf.minus(Heat.RECENT)).stream()
                .map(this::summary)
                .sorted(Comparator.comparingDouble((HotIssueViews.IssueSummary s) -> s.heat().score()).reversed()
                        .thenComparing(HotIssueViews.IssueSummary::id))
                .limit(limit).toList();
        return new HotIssueViews.TopList(day, FORMULA, issues);
    }

    static final String FORMULA = "热度 = 规模（不同市民数 + 0.25 × 重复诉求数）+ 增长（近 7 日诉求数）"
            + "+ 支持（log2(1 + 点赞 − 点踩)，不超过规模）+ 持续（log2(1 + 跨度天数 / 7)）";

    /** Each unit's recurring problems for the monthly tackling meeting: issues among the unit's orders. */
    public List<HotIssueViews.IssueSummary> recurring(UnitId unit, YearMonth month, Actor actor) {
        if (!actor.isCenter() && !actor.belongsTo(unit)) {
            throw new ForbiddenException("not-permitted", "只能查看本单位的反复诉求问题");
        }
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant().minus(HotIssueClustering.Settings.defaults()
                .window());
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return store.ofUnit(unit.value(), from, to, to.minus(Heat.RECENT)).stream().map(this::summary)
                .sorted(Comparator.comparingDouble((HotIssueViews.IssueSummary s) -> s.heat().score()).reversed())
                .toList();
    }

    public List<HotIssueViews.IssueSummary> tackled() {
        Instant now = clock.instant();
        return store.tackled(now, now.minus(Heat.RECENT)).stream().map(this::summary).toList();
    }

    public HotIssueViews.IssueDetail detail(long id, Actor actor) {
        Optional<Tackling> tackled = store.tackling(id);
        boolean involved = actor.unit() != null && tackled.map(t -> actor.unit().equals(t.leadUnit())
                || t.coUnits().contains(actor.unit())).orElse(false);
        if (!involved) {
            requireCenter(actor);
        }
        Instant now = clock.instant();
        HotIssueStore.Figures f = store.figures(id, now, now.minus(Heat.RECENT))
                .orElseThrow(() -> new NotFoundException("没有热点问题 #" + id));
        List<HotIssueViews.OrderView> orders = store.orders(id, 200).stream()
                .map(o -> new HotIssueViews.OrderView(o.number(), o.appealedAt(), o.content(), o.address(),
                        o.status(), o.leadUnit(), o.manual()))
                .toList();
        HotIssueViews.TacklingView tackling = tackled.map(t -> tacklingView(t, actor)).orElse(null);
        List<HotIssueViews.HistoryView> history = store.history(id).stream()
                .map(e -> new HotIssueViews.HistoryView(e.at(), e.actor(), e.action(), e.detail(),
                        e.before() == null ? null : e.before().label(), e.after() == null ? null : e.after().label()))
                .toList();
        return new HotIssueViews.IssueDetail(summary(f), orders, tackling, history);
    }

    /** The hot issue an order belongs to, if it joined one with other orders. */
    public Optional<HotIssueViews.OrderIssue> ofOrder(String number) {
        Instant now = clock.instant();
        return store.issueOf(number).flatMap(id -> store.figures(id, now, now.minus(Heat.RECENT)))
                .map(f -> {
                    Optional<Tackling> t = store.tackling(f.id());
                    return new HotIssueViews.OrderIssue(number, f.id(), f.place(), f.description(), f.orders(),
                            f.citizens(), t.map(x -> x.status().name()).orElse(null),
                            t.map(x -> x.status().label()).orElse(null),
                            t.map(Tackling::leadUnit).map(UnitId::value).orElse(null));
                });
    }

    /**
     * The hot issue an appeal being typed would join now (content and address as the operator typed them), with
     * its figures; nothing is recorded. None when it would open an issue of its own.
     */
    public Optional<HotIssueViews.IssueSummary> match(String content, String address) {
        Instant now = clock.instant();
        Optional<Long> id;
        synchronized (lock) {
            HotIssueClustering c = clustering();
            catchUp();
            id = c.match(Appeal.of("typed", null, now, "", content == null ? "" : content,
                    address == null ? "" : address));
        }
        return id.flatMap(i -> store.figures(i, now, now.minus(Heat.RECENT))).map(this::summary);
    }

    @Override
    public Optional<IssueOfOrder> issueOf(String number) {
        Instant now = clock.instant();
        return store.issueOf(number).flatMap(id -> store.figures(id, now, now.minus(Heat.RECENT)))
                .filter(f -> f.orders() > 1).map(this::summary)
                .map(i -> new IssueOfOrder(i.id(), i.place(), i.description(), i.heat().score(), i.heat().orders(),
                        i.heat().citizens()));
    }

    private HotIssueViews.IssueSummary summary(HotIssueStore.Figures f) {
        Heat heat = Heat.of(f.orders(), f.citizens(), f.recent(), 0, 0, f.first(), f.last());
        return new HotIssueViews.IssueSummary(f.id(), f.place(), f.placeKind(), f.description(), f.first(), f.last(),
                new HotIssueViews.HeatView(heat.score(), heat.volume(), heat.growth(), heat.support(),
                        heat.persistence(), heat.orders(), heat.citizens(), heat.recentOrders(), heat.spanDays()),
                f.tackling() == null ? null : f.tackling().name(), f.tackling() == null ? null : f.tackling().label());
    }

    private HotIssueViews.TacklingView tacklingView(Tackling t, Actor actor) {
        HotIssueViews.VolumeView volume = null;
        if (t.chosenAt() != null) {
            Instant before = t.chosenAt().minus(Duration.ofDays(VOLUME_DAYS));
            int countBefore = store.countBetween(t.issueId(), before, t.chosenAt());
            Integer countAfter = null;
            LocalDate afterFrom = null;
            if (t.resultAt() != null) {
                countAfter = store.countBetween(t.issueId(), t.resultAt(), t.resultAt().plus(Duration.ofDays(
                        VOLUME_DAYS)));
                afterFrom = t.resultAt().atZone(zone).toLocalDate();
            }
            volume = new HotIssueViews.VolumeView(VOLUME_DAYS, countBefore, countAfter,
                    before.atZone(zone).toLocalDate(), afterFrom);
        }
        return new HotIssueViews.TacklingView(t.status().name(), t.status().label(),
                t.month() == null ? null : t.month().toString(), t.leadUnit() == null ? null : t.leadUnit().value(),
                t.coUnits().stream().map(UnitId::value).toList(),
                t.measures().stream().map(m -> new HotIssueViews.MeasureView(m.seq(), m.description(), m.unit(),
                        m.due(), m.done())).toList(),
                t.result(), t.chosenAt(), t.resultAt(), volume, actionsFor(t, actor));
    }

    /** The tackling actions this user may take now (the page offers exactly these). */
    static List<String> actionsFor(Tackling t, Actor actor) {
        List<String> actions = new ArrayList<>();
        boolean center = isManager(actor);
        boolean unit = actor.unit() != null && (actor.unit().equals(t.leadUnit()) || t.coUnits().contains(actor.unit()));
        switch (t.status()) {
            case PROPOSED -> {
                if (center) {
                    actions.add("choose");
                }
            }
            case CHOSEN -> {
                if (center) {
                    actions.add("assign");
                }
            }
            case IN_PROGRESS -> {
                if (center) {
                    actions.add("assign");
                }
                if (center || unit) {
                    actions.add("measure");
                    actions.add("complete");
                }
                if (center || actor.unit() != null && actor.unit().equals(t.leadUnit())) {
                    actions.add("result");
                }
            }
            case RESULT_REPORTED -> {
                if (center) {
                    actions.add("close");
                    actions.add("send-back");
                }
            }
            case CLOSED -> {
                if (center) {
                    actions.add("reopen");
                }
            }
        }
        return actions;
    }

    // ---- tackling

    @Transactional
    public HotIssueViews.IssueDetail propose(long id, String reason, Actor actor) {
        requireSupervisor(actor);
        store.figures(id, clock.instant(), clock.instant())
                .orElseThrow(() -> new NotFoundException("没有热点问题 #" + id));
        if (store.tackling(id).isPresent()) {
            throw new ConflictException("already-proposed", "该热点问题已提名攻坚");
        }
        Tackling t = Tackling.propose(id, reason, actor.username(), clock.instant());
        store.save(t, 0, 0);
        return detail(id, actor);
    }

    @Transactional
    public HotIssueViews.IssueDetail choose(long id, YearMonth month, Actor actor) {
        requireManager(actor);
        return change(id, actor, t -> t.choose(month, actor.username(), clock.instant()));
    }

    @Transactional
    public HotIssueViews.IssueDetail assign(long id, UnitId lead, List<UnitId> co, Actor actor) {
        requireManager(actor);
        requireUnit("leadUnit", lead);
        for (int i = 0; i < co.size(); i++) {
            requireUnit("coUnits[" + i + "]", co.get(i));
        }
        return change(id, actor, t -> t.assign(lead, co, actor.username(), clock.instant()));
    }

    @Transactional
    public HotIssueViews.IssueDetail addMeasure(long id, String description, UnitId unit, LocalDate due, Actor actor) {
        requireUnit("unit", unit);
        return change(id, actor, t -> {
            requireInvolved(t, actor, false);
            return t.addMeasure(description, unit, due, actor.username(), clock.instant());
        });
    }

    @Transactional
    public HotIssueViews.IssueDetail completeMeasure(long id, int seq, LocalDate doneOn, Actor actor) {
        return change(id, actor, t -> {
            requireInvolved(t, actor, false);
            return t.completeMeasure(seq, doneOn, actor.username(), clock.instant());
        });
    }

    @Transactional
    public HotIssueViews.IssueDetail reportResult(long id, String result, Actor actor) {
        return change(id, actor, t -> {
            requireInvolved(t, actor, true);
            return t.reportResult(result, actor.username(), clock.instant());
        });
    }

    @Transactional
    public HotIssueViews.IssueDetail close(long id, String note, Actor actor) {
        requireManager(actor);
        return change(id, actor, t -> t.close(note, actor.username(), clock.instant()));
    }

    @Transactional
    public HotIssueViews.IssueDetail sendBack(long id, String reason, Actor actor) {
        requireManager(actor);
        return change(id, actor, t -> t.sendBack(reason, actor.username(), clock.instant()));
    }

    @Transactional
    public HotIssueViews.IssueDetail reopen(long id, String reason, Actor actor) {
        requireManager(actor);
        return change(id, actor, t -> t.reopen(reason, actor.username(), clock.instant()));
    }

    private HotIssueViews.IssueDetail change(long id, Actor actor, Function<Tackling, Decision> step) {
        Tackling t = store.tackling(id).orElseThrow(() -> new ConflictException("not-proposed",
                "热点问题 #" + id + " 尚未提名攻坚"));
        int history = t.history().size();
        int measures = t.measures().size();
        Decision d = step.apply(t);
        if (d instanceof Decision.Rejected r) {
            if (r.forbidden()) {
                throw new ForbiddenException(r.code(), r.reason());
            }
            throw new ConflictException(r.code(), r.reason());
        }
        store.save(t, history, measures);
        return detail(id, actor);
    }

    private void requireUnit(String field, UnitId unit) {
        if (unit == null || units.find(unit).isEmpty()) {
            throw new InvalidInputException(field, "没有这个单位");
        }
    }

    private static void requireInvolved(Tackling t, Actor actor, boolean leadOnly) {
        if (isManager(actor)) {
            return;
        }
        boolean lead = actor.unit() != null && actor.unit().equals(t.leadUnit());
        boolean co = actor.unit() != null && t.coUnits().contains(actor.unit());
        if (!(lead || !leadOnly && co)) {
            throw new ForbiddenException("not-permitted", leadOnly ? "只有牵头单位可以报告攻坚结果"
                    : "只有牵头或协同单位可以办理攻坚措施");
        }
    }

    private static boolean isManager(Actor actor) {
        return actor.role() == Role.SUPERVISOR || actor.role() == Role.DIRECTOR;
    }

    private static void requireManager(Actor actor) {
        if (!isManager(actor)) {
            throw new ForbiddenException("not-permitted", "只有督办员或中心主任可以决定攻坚事项");
        }
    }

    private static void requireSupervisor(Actor actor) {
        requireManager(actor);
    }

    private static void requireCenter(Actor actor) {
        if (!actor.isCenter()) {
            throw new ForbiddenException("not-permitted", "热点问题只对中心人员开放");
        }
    }
}
