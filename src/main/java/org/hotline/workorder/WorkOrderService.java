package org.hotline.workorder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.hotline.deadline.Deadlines;
import org.hotline.organization.Actor;
import org.hotline.organization.Categories;
import org.hotline.organization.Role;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.ConflictException;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.GroupCommit;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.hotline.workorder.internal.Attachments;
import org.hotline.workorder.internal.IdempotencyKeys;
import org.hotline.workorder.internal.OrderNumbers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases on work orders, one transaction each: load, let the aggregate decide, store, publish the
 * events. Everything a user can get wrong is checked before anything is written: unknown units and
 * categories name their field (400), an order the viewer may not see does not exist for them (404), a rule
 * that says no answers with its reason (409), and a stale version is a conflict (409), never a silent
 * overwrite.
 */
@Service
public class WorkOrderService {

    /** The actor the AI dispatcher acts as, so its dispatches are told apart from people's in the history. */
    public static final Actor AI_DISPATCHER = new Actor(Actor.AI_DISPATCHER, "智能派单", Role.DISPATCHER, null);

    private final WorkOrders orders;
    private final OrderNumbers numbers;
    private final IdempotencyKeys idempotencyKeys;
    private final Units units;
    private final Categories categories;
    private final Deadlines deadlines;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<AutoDispatch> autoDispatch;
    /** Triage at first contact; without one, every appeal goes the normal path. */
    private final ObjectProvider<IntakeTriage> intakeTriage;
    private volatile Optional<IntakeTriage> triage;
    /** The quality loop, asked whether a reply has passed; without one, only the director's override closes. */
    private final ObjectProvider<QualityGate> qualityGate;
    /** The AI dispatcher once looked up (empty: there is none); the beans are fixed once the application runs. */
    private volatile Optional<AutoDispatch> dispatcher;
    private final Attachments attachments;
    /** Intake transactions, committed several to a database commit (see {@link GroupCommit}). */
    private final GroupCommit intakeCommit;

    WorkOrderService(WorkOrders orders, OrderNumbers numbers, IdempotencyKeys idempotencyKeys, Units units,
            Categories categories, Deadlines deadlines, Clock clock, ApplicationEventPublisher events,
            ObjectProvider<AutoDispatch> autoDispatch, ObjectProvider<QualityGate> qualityGate,
            Attachments attachments, GroupCommit intakeCommit, ObjectProvider<IntakeTriage> intakeTriage) {
        this.intakeTriage = intakeTriage;
        this.qualityGate = qualityGate;
        this.attachments = attachments;
        this.intakeCommit = intakeCommit;
        this.orders = orders;
        this.numbers = numbers;
        this.idempotencyKeys = idempotencyKeys;
        this.units = units;
        this.categories = categories;
        this.deadlines = deadlines;
        this.clock = clock;
        this.events = events;
        this.autoDispatch = autoDispatch;
    }

    /** Whether the actor may register calls (受理): the intake screen is theirs. */
    public boolean mayRegister(Actor actor) {
        return Permissions.mayCreate(OrderAction.REGISTER, actor, Channel.PHONE).isAllowed();
    }

    /**
     * The result of an intake call: the order, whether it was created now or by an earlier retry, and its triage
     * (what was advised and decided; null without triage).
     */
    public record Intake(WorkOrder order, boolean replayed, IntakeTriage.Recorded triage) {

        public Intake(WorkOrder order, boolean replayed) {
            this(order, replayed, null);
        }
    }

    /**
     * 受理: registers an appeal, or with {@code intakeAnswer} answers an inquiry at intake and closes it. With an
     * idempotency key, a retry of the same request gets the order the first call created.
     *
     * <p>A call with a key looks it up first, so that a retry gets the earlier order without drawing an order
     * number: a client retrying one call 50 times must not leave 50 gaps in the day's numbering. Only keyed calls
     * pay for that query. The key is then stored in the intake transaction, after the order, under a unique
     * index: two identical requests sent at the same moment both miss the lookup, and the loser's intake fails
     * on that index, rolls back whole and gets the winner's order instead (at the price of one unused number,
     * like the numbers of a block left unused at a restart).
     *
     * <p>The order number is drawn before the intake transaction opens: drawing may reserve a new block of
     * numbers in a short transaction of its own, and doing that while holding the intake's connection would let
     * a burst of intakes take every pooled connection while the one thread reserving waits for another.
     *
     * <p>The intake transaction itself goes through {@link GroupCommit}: orders registered at the same moment
     * share a database commit, and each call returns only after the commit that holds its order. The work below
     * may run twice (a group that fails is rolled back and each of its orders written alone): it creates the
     * order afresh on each run and has no effect outside the transaction.
     */
    public Intake register(WorkOrder.Appeal appeal, String intakeAnswer, Actor actor, String idempotencyKey,
            String requestFingerprint) {
        return intake(appeal, IntakeDecision.of(intakeAnswer), actor, idempotencyKey, requestFingerprint, List.of(),
                NOTHING_ALONGSIDE);
    }

    /**
     * 受理 with the evidence a channel brought along (the citizen's or the reporter's photos, already checked by
     * {@link Evidence#accept}): the order, its history lines for the files and the files are written in the one
     * intake transaction, so an order never exists without the photos it came with. A replayed call (same key)
     * stores nothing again.
     */
    public Intake register(WorkOrder.Appeal appeal, String intakeAnswer, Actor actor, String idempotencyKey,
            String requestFingerprint, List<Evidence> evidence) {
        return intake(appeal, IntakeDecision.of(intakeAnswer), actor, idempotencyKey, requestFingerprint, evidence,
                NOTHING_ALONGSIDE);
    }

    /**
     * 受理 with the operator's triage decision (分流): the normal path, an answer at intake, or a settlement that
     * closes the order at once without a unit. Triage advises before the transaction and its advice is recorded
     * with the decision; when nobody decided and triage says the appeal is not for dispatch, the order is held for
     * a person rather than dispatched automatically.
     */
    public Intake intake(WorkOrder.Appeal appeal, IntakeDecision decision, Actor actor, String idempotencyKey,
            String requestFingerprint) {
        return intake(appeal, decision, actor, idempotencyKey, requestFingerprint, List.of(), NOTHING_ALONGSIDE);
    }

    private static final Consumer<WorkOrder> NOTHING_ALONGSIDE = order -> {
    };

    /**
     * 受理 for a channel that keeps its own record of each order (Open311 keeps the client's service code and
     * media): as {@link #register(WorkOrder.Appeal, String, Actor, String, String)}, and {@code alongside} is
     * given the new order inside the intake transaction, after the order is stored (and dispatched, when the AI
     * was sure), so that the channel's record commits with the order or not at all. It may run twice, like the
     * rest of the intake (see {@link GroupCommit}), and is not called when a retry gets an earlier order back.
     */
    public Intake register(WorkOrder.Appeal appeal, String intakeAnswer, Actor actor, String idempotencyKey,
            String requestFingerprint, Consumer<WorkOrder> alongside) {
        return intake(appeal, IntakeDecision.of(intakeAnswer), actor, idempotencyKey, requestFingerprint, List.of(),
                alongside);
    }

    private Intake intake(WorkOrder.Appeal appeal, IntakeDecision decision, Actor actor, String idempotencyKey,
            String requestFingerprint, List<Evidence> evidence, Consumer<WorkOrder> alongside) {
        requireCategory("categoryCode", appeal.categoryCode());
        refuseIfRejected(Permissions.mayCreate(decision.outcome() == TriageOutcome.KNOWLEDGE
                ? OrderAction.ANSWER_AT_INTAKE : OrderAction.REGISTER, actor, appeal.channel()));
        if (decision.settlement() != null) {
            refuseIfRejected(Permissions.mayCreate(decision.settlement().action(), actor, appeal.channel()));
        }
        if (idempotencyKey == null) {
            return create(appeal, decision, actor, null, null, evidence, alongside);
        }
        Optional<Intake> replay = replay(actor, idempotencyKey, requestFingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        try {
            return create(appeal, decision, actor, idempotencyKey, requestFingerprint, evidence, alongside);
        } catch (DuplicateKeyException keyUsedBefore) {
            // a twin that committed first: its order, or a conflict if the body differs
            return replay(actor, idempotencyKey, requestFingerprint).orElseThrow(() -> keyUsedBefore);
        }
    }

    /**
     * 重复来电并单: registers a call about a matter the open order {@code master} already tracks and merges it into
     * that order, in one transaction: either the call is registered and attached, or nothing is written (a master
     * that was replied or closed meanwhile refuses with its reason, a master changed by someone else at the same
     * moment is a conflict). The call is not dispatched: it follows the master. With an idempotency key, a retry
     * gets the call the first attempt registered, as {@link #register} does.
     */
    public Intake registerRepeat(WorkOrder.Appeal appeal, OrderNumber master, String note, Actor actor,
            String idempotencyKey, String requestFingerprint) {
        requireCategory("categoryCode", appeal.categoryCode());
        refuseIfRejected(Permissions.mayCreate(OrderAction.REGISTER, actor, appeal.channel()));
        Optional<Intake> replay = idempotencyKey == null ? Optional.empty()
                : replay(actor, idempotencyKey, requestFingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        // the master as the caller may see it, and open, before a number is drawn for the call
        refuseIfRejected(masterOf(master, actor).acceptsMerge());
        Instant now = clock.instant();
        OrderNumber number = numbers.next(LocalDate.ofInstant(now, clock.getZone()));
        try {
            return intakeCommit.execute(() -> {
                // read again inside the transaction: the work may run twice, and the master may have moved on
                WorkOrder masterOrder = masterOf(master, actor);
                List<WorkOrder> created = new ArrayList<>(1);
                refuseIfRejected(WorkOrder.registerAsRepeat(number, appeal, masterOrder, note, actor, now,
                        created::add));
                WorkOrder order = created.get(0);
                orders.add(order);
                orders.update(masterOrder);
                if (idempotencyKey != null) {
                    idempotencyKeys.remember(actor.username(), idempotencyKey, requestFingerprint, number, now);
                }
                order.events().forEach(events::publishEvent);
                return new Intake(order, false);
            });
        } catch (DuplicateKeyException keyUsedBefore) {
            if (idempotencyKey == null) {
                throw keyUsedBefore;
            }
            return replay(actor, idempotencyKey, requestFingerprint).orElseThrow(() -> keyUsedBefore);
        }
    }

    private WorkOrder masterOf(OrderNumber master, Actor actor) {
        return orders.find(master).filter(o -> o.isVisibleTo(actor))
                .orElseThrow(() -> new InvalidInputException("master", "主工单 " + master + " 不存在"));
    }

    /** The order an earlier call with this key created; a conflict when that call sent another body. */
    private Optional<Intake> replay(Actor actor, String idempotencyKey, String requestFingerprint) {
        return idempotencyKeys.find(actor.username(), idempotencyKey, requestFingerprint)
                .map(number -> new Intake(orders.find(number).orElseThrow(), true,
                        triage().flatMap(t -> t.recorded(number)).orElse(null)));
    }

    private Intake create(WorkOrder.Appeal appeal, IntakeDecision decision, Actor actor, String idempotencyKey,
            String requestFingerprint, List<Evidence> evidence, Consumer<WorkOrder> alongside) {
        Instant now = clock.instant();
        OrderNumber number = numbers.next(LocalDate.ofInstant(now, clock.getZone()));
        // triage and the AI decide here, on the caller's thread, from the appeal
        Optional<IntakeTriage.Assessment> assessment = triage().map(t -> t.assess(number, appeal));
        // a suggestion alone never settles an order: one that nobody decided on and triage says is not for
        // dispatch waits for a person, who decides triage first; the AI dispatcher does not decide it (a person
        // asks for its advice when needed: GET /api/v1/orders/{number}/dispatch-advice)
        boolean held = !decision.decided() && assessment.map(a -> a.advice().holdsDispatch()).orElse(false);
        boolean normalPath = !decision.decided() || decision.outcome() == TriageOutcome.DISPATCH;
        Optional<AutoDispatch.Decision> dispatch = normalPath && !held
                ? dispatcher().map(d -> d.decide(number, appeal)) : Optional.empty();
        return intakeCommit.execute(() -> {
            WorkOrder order;
            if (decision.outcome() == TriageOutcome.KNOWLEDGE) {
                List<WorkOrder> created = new ArrayList<>(1);
                refuseIfRejected(WorkOrder.answerAtIntake(number, appeal, decision.answer(), decision.knowledgeEntry(),
                        actor, now, created::add));
                order = created.get(0);
            } else {
                order = WorkOrder.register(number, appeal, actor, now);
                if (decision.settlement() != null) {
                    refuseIfRejected(order.settle(decision.settlement(), actor, now));
                }
            }
            if (order.status() == OrderStatus.REGISTERED && dispatch.isPresent()) {
                dispatchAutomatically(order, dispatch.get(), now);
            }
            for (Evidence file : evidence) {
                order.attachAtIntake(file.fileName(), actor, now);
            }
            orders.add(order);
            IntakeTriage.Recorded recorded = assessment.map(a -> {
                TriageOutcome decided = held ? null : order.intakeOutcome() == null ? TriageOutcome.DISPATCH
                        : order.intakeOutcome();
                String route = held ? null : order.intakeRoute();
                String by = held ? null : actor.username();
                a.record(decided, route, by, now);
                return new IntakeTriage.Recorded(a.advice(), now, decided, route, by, held ? null : now);
            }).orElse(null);
            for (Evidence file : evidence) {
                attachments.store(number, file.fileName(), file.contentType(), file.data(), actor.username(), now);
            }
            if (idempotencyKey != null) {
                idempotencyKeys.remember(actor.username(), idempotencyKey, requestFingerprint, number, now);
            }
            alongside.accept(order);
            order.events().forEach(events::publishEvent);
            return new Intake(order, false, recorded);
        });
    }

    private Optional<IntakeTriage> triage() {
        Optional<IntakeTriage> found = triage;
        if (found == null) {
            found = Optional.ofNullable(intakeTriage.getIfAvailable());
            triage = found;
        }
        return found;
    }

    /** The triage recorded for an order already found for its viewer; empty without triage or a record. */
    @Transactional(readOnly = true)
    public Optional<IntakeTriage.Recorded> triageOf(WorkOrder order) {
        return triage().flatMap(t -> t.recorded(order.number()));
    }

    private Optional<AutoDispatch> dispatcher() {
        Optional<AutoDispatch> found = dispatcher;
        if (found == null) {
            found = Optional.ofNullable(autoDispatch.getIfAvailable());
            dispatcher = found;
        }
        return found;
    }

    private void dispatchAutomatically(WorkOrder order, AutoDispatch.Decision decision, Instant now) {
        decision.record();
        decision.proposal().ifPresent(p -> {
            if (isDispatchable(p.leadUnit()) && p.coUnits().stream().allMatch(this::isDispatchable)
                    && (p.categoryCode() == null || categories.find(p.categoryCode()).isPresent())) {
                order.dispatch(p.leadUnit(), p.coUnits(), p.categoryCode(), p.explanation(), AI_DISPATCHER, now,
                        deadlines);
            }
        });
    }

    private boolean isDispatchable(UnitId unit) {
        return units.find(unit).map(Unit::active).orElse(false);
    }

    // ---------------------------------------------------------------- reading

    /** The order if the actor may see it; another unit's order is "not found", never "forbidden". */
    @Transactional(readOnly = true)
    public WorkOrder find(OrderNumber number, Actor actor) {
        return orders.find(number).filter(o -> o.isVisibleTo(actor))
                .orElseThrow(() -> new NotFoundException("工单 " + number + " 不存在"));
    }

    /**
     * The citizen's own lookup: the order, as its citizen may see it, if {@code phoneLastFour} are the last four
     * digits of the phone it was registered with. A wrong number and wrong digits look the same to the caller.
     */
    @Transactional(readOnly = true)
    public Optional<PublicCase> lookUpForCitizen(OrderNumber number, String phoneLastFour) {
        return orders.find(number).filter(o -> o.citizenPhoneEndsWith(phoneLastFour)).map(WorkOrder::forCitizen);
    }

    /** The order's history as the viewer may read it: a unit's handling notes only for the center and that unit. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(OrderNumber number, Actor actor) {
        find(number, actor);
        return orders.history(number).stream().filter(h -> h.isVisibleTo(actor)).toList();
    }

    /** The order's attachments, oldest first, for whoever may see the order (another unit's order is 404). */
    @Transactional(readOnly = true)
    public List<Attachment> attachments(OrderNumber number, Actor actor) {
        find(number, actor);
        return attachments.of(number).stream().map(a -> new Attachment(a.id(), a.fileName(), a.contentType(),
                a.size(), a.uploadedAt(), a.uploadedBy())).toList();
    }

    @Transactional(readOnly = true)
    public List<WorkOrder> mergedInto(OrderNumber master, Actor actor) {
        find(master, actor);
        return orders.mergedInto(master);
    }

    /**
     * The orders among {@code numbers} that the actor may see, in the order asked for, read together: a page that
     * lists orders and offers actions on them needs each one's version and state, not one query per row.
     */
    @Transactional(readOnly = true)
    public List<WorkOrder> findAll(List<OrderNumber> numbers, Actor actor) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        java.util.Map<OrderNumber, WorkOrder> found = new java.util.HashMap<>();
        orders.findAll(numbers).stream().filter(o -> o.isVisibleTo(actor)).forEach(o -> found.put(o.number(), o));
        return numbers.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Orders the actor may see; a search by caller is refused (403) to roles that may not call citizens. */
    @Transactional(readOnly = true)
    public OrderPage search(OrderQuery query, Actor actor) {
        if (!actor.role().worksOnOrders()) {
            // a field reporter's unit is their town: scoping by it would show them the town's orders
            throw new ForbiddenException("not-permitted", "巡查员不查看工单，请在巡查上报中查看本人的上报");
        }
        if (query.asksForCaller()) {
            refuseIfRejected(CallerSearch.mayFind(actor));
        }
        OrderQuery scoped = actor.isCenter() ? query : query.restrictedTo(actor.unit());
        return orders.search(scoped, clock.instant());
    }

    // ---------------------------------------------------------------- work lists

    /**
     * 待办: the unit's inbox, {@code filter}ed, one page of the orders it leads ({@code page}) and one of the parts it
     * owes as co-unit ({@code partsPage}), with the counters of every filter. Only a unit's users have one (403).
     *
     * <p>The unit's open orders are read with their clocks alone (work_order_by_lead; the co-unit rows by unit),
     * classified by the same rules as the order itself ({@link OrderClocks}, {@link CoUnit#standing}), sorted by
     * the deadline that matters now, and only the two pages shown are then read in full. A unit has at most a few
     * hundred orders open at a time, never the year's orders.
     */
    @Transactional(readOnly = true)
    public Inbox inbox(Inbox.Filter filter, int page, int partsPage, int size, Actor actor) {
        refuseIfRejected(Permissions.mayHaveAnInbox(actor));
        Inbox.Filter f = filter == null ? Inbox.Filter.ALL : filter;
        Instant now = clock.instant();
        List<Line> led = orders.open(actor.unit(), null).stream()
                .filter(o -> OrderStatus.handling().contains(o.clocks().status()))
                .map(o -> new Line(o.number(), o.clocks(), o.clocks().nextDue(), o.clocks().nextDueBy(),
                        o.clocks().standing(now, deadlines), null, o.lastSupervisedAt(), o.redoCount(),
                        o.leadUnit()))
                .toList();
        List<Line> owed = orders.owedBy(actor.unit()).stream()
                .map(p -> new Line(p.number(), p.clocks(), WorkList.Due.CO_UNIT_PART, p.part().deadline(),
                        p.part().standing(now, deadlines), p.part(), null, 0, null))
                .toList();
        java.util.function.ToLongFunction<Inbox.Filter> count = which -> led.stream()
                .filter(l -> which.includesLed(l.status(), l.standing(), l.redoCount())).count()
                + owed.stream().filter(l -> which.includesPart(l.standing())).count();
        Inbox.Counts counts = new Inbox.Counts(count.applyAsLong(Inbox.Filter.ALL),
                count.applyAsLong(Inbox.Filter.TO_ACKNOWLEDGE), count.applyAsLong(Inbox.Filter.HANDLING),
                count.applyAsLong(Inbox.Filter.AT_RISK), count.applyAsLong(Inbox.Filter.OVERDUE),
                count.applyAsLong(Inbox.Filter.CO_UNIT), count.applyAsLong(Inbox.Filter.REDO));
        // what needs doing comes first; an order whose clock stands still (a return under review) last
        Comparator<Line> byDeadline = Comparator.comparing((Line l) -> l.standing() == WorkList.Standing.PAUSED)
                .thenComparing(Line::dueBy, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(l -> l.number().value());
        List<Line> ledShown = led.stream().filter(l -> f.includesLed(l.status(), l.standing(), l.redoCount()))
                .sorted(byDeadline).toList();
        List<Line> owedShown = owed.stream().filter(l -> f.includesPart(l.standing())).sorted(byDeadline).toList();
        return new Inbox(f, counts, pageOf(ledShown, page, size, now), pageOf(owedShown, partsPage, size, now));
    }

    /**
     * 督办: one of the supervisors' lists across units ({@link SupervisionLists.Kind}), narrowed to a lead unit and a
     * category when asked, sorted by deadline or by unit, with how many orders each list holds. For those who may
     * supervise (403 otherwise). Open orders are read with their clocks alone (work_order_by_status, or
     * work_order_by_lead for one unit) and classified by the order's own rules; only the page shown is read in full.
     */
    @Transactional(readOnly = true)
    public SupervisionLists supervision(SupervisionLists.Query query, Actor actor) {
        refuseIfRejected(Permissions.mayTake(OrderAction.SUPERVISE, actor));
        if (query.unit() != null && units.find(query.unit()).isEmpty()) {
            throw new InvalidInputException("unit", "未知单位：" + query.unit());
        }
        requireCategory("category", query.category());
        Instant now = clock.instant();
        record Judged(WorkOrders.OpenOrder order, OrderClocks.Verdicts verdicts) {
        }
        List<Judged> open = orders.open(query.unit(), query.category()).stream()
                .map(o -> new Judged(o, o.clocks().at(now, deadlines))).toList();
        SupervisionLists.Kind kind = query.kind();
        Comparator<Line> byDeadline = Comparator.comparing(Line::dueBy,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(l -> l.number().value());
        Comparator<Line> order = query.sort() == SupervisionLists.Sort.UNIT
                ? Comparator.comparing((Line l) -> l.leadUnit() == null ? "" : l.leadUnit().value())
                        .thenComparing(byDeadline)
                : byDeadline;
        List<Line> shown = open.stream().filter(j -> kind.includes(j.verdicts(), j.order().redoCount()))
                .map(j -> new Line(j.order().number(), j.order().clocks(), null, null, kind.standing(j.verdicts()),
                        null, j.order().lastSupervisedAt(), j.order().redoCount(), j.order().leadUnit())
                        .about(kind.due(j.order().clocks())))
                .sorted(order).toList();
        java.util.function.ToLongFunction<SupervisionLists.Kind> count = which -> open.stream()
                .filter(j -> which.includes(j.verdicts(), j.order().redoCount())).count();
        return new SupervisionLists(query, new SupervisionLists.Counts(count.applyAsLong(SupervisionLists.Kind.OVERDUE),
                count.applyAsLong(SupervisionLists.Kind.AT_RISK), count.applyAsLong(SupervisionLists.Kind.ACKNOWLEDGE_OVERDUE),
                count.applyAsLong(SupervisionLists.Kind.REDONE)), pageOf(shown, query.page(), query.size(), now));
    }

    /**
     * What {@code actor} may do now on each of these orders (those they may see), as each order answers it
     * ({@link WorkOrder#actionsFor}): what a list offers on its lines, read for one page at a time.
     */
    @Transactional(readOnly = true)
    public Map<OrderNumber, Map<OrderAction, Decision>> actionsFor(java.util.Collection<OrderNumber> numbers,
            Actor actor) {
        Instant now = clock.instant();
        Map<OrderNumber, Map<OrderAction, Decision>> actions = new HashMap<>();
        for (WorkOrder o : orders.findAll(numbers)) {
            if (o.isVisibleTo(actor)) {
                actions.put(o.number(), o.actionsFor(actor, now, deadlines));
            }
        }
        return actions;
    }

    /** A line of a work list before the page shown is read in full. */
    private record Line(OrderNumber number, OrderClocks clocks, WorkList.Due due, Instant dueBy,
            WorkList.Standing standing, CoUnit part, Instant lastSupervisedAt, int redoCount, UnitId leadUnit) {

        OrderStatus status() {
            return clocks.status();
        }

        /** The same line about another of the order's deadlines. */
        Line about(WorkList.Due other) {
            Instant by = switch (other) {
                case ACKNOWLEDGE -> clocks.acknowledgeDeadline();
                case HANDLE -> clocks.handleDeadline();
                case CO_UNIT_PART -> part.deadline();
            };
            return new Line(number, clocks, other, by, standing, part, lastSupervisedAt, redoCount, leadUnit);
        }
    }

    /** One page of sorted lines, the orders on it read in full. */
    private WorkList pageOf(List<Line> lines, int page, int size, Instant now) {
        int from = (int) Math.min((long) Math.max(0, page) * size, lines.size());
        List<Line> shown = lines.subList(from, Math.min(lines.size(), from + size));
        Map<OrderNumber, OrderSummary> summaries = new HashMap<>();
        orders.summaries(shown.stream().map(Line::number).toList(), now)
                .forEach(s -> summaries.put(s.number(), s));
        List<WorkList.Item> items = shown.stream().filter(l -> summaries.containsKey(l.number()))
                .map(l -> new WorkList.Item(summaries.get(l.number()), l.clocks(), l.due(), l.dueBy(), l.standing(),
                        l.part(), l.lastSupervisedAt()))
                .toList();
        return new WorkList(items, Math.max(0, page), size, lines.size());
    }

    // ---------------------------------------------------------------- transitions

    @Transactional
    public WorkOrder dispatch(OrderNumber number, UnitId lead, List<UnitId> coUnits, String category, String note,
            Actor actor, Long expectedVersion) {
        requireUnit("leadUnit", lead);
        List<UnitId> co = coUnits == null ? List.of() : coUnits;
        for (int i = 0; i < co.size(); i++) {
            requireUnit("coUnits[" + i + "]", co.get(i));
        }
        requireCategory("categoryCode", category);
        return change(number, actor, expectedVersion,
                o -> o.dispatch(lead, co, category, note, actor, clock.instant(), deadlines));
    }

    /** 分流办结 of a registered order, by a person: referred, redirected or recorded invalid. */
    @Transactional
    public WorkOrder settle(OrderNumber number, Settlement settlement, Actor actor, Long expectedVersion) {
        return change(number, actor, expectedVersion, o -> o.settle(settlement, actor, clock.instant()));
    }

    @Transactional
    public WorkOrder acknowledge(OrderNumber number, Actor actor, Long expectedVersion) {
        return change(number, actor, expectedVersion, o -> o.acknowledge(actor, clock.instant()));
    }

    @Transactional
    public WorkOrder requestReturn(OrderNumber number, ReturnReason reason, UnitId suggestedUnit, String explanation,
            Actor actor, Long expectedVersion) {
        requireUnit("suggestedUnit", suggestedUnit);
        return change(number, actor, expectedVersion,
                o -> o.requestReturn(reason, suggestedUnit, explanation, actor, clock.instant(), deadlines));
    }

    @Transactional
    public WorkOrder decideReturn(OrderNumber number, boolean approve, UnitId newLead, String note, Actor actor,
            Long expectedVersion) {
        if (approve && newLead != null) {
            requireUnit("newLeadUnit", newLead);
        }
        return change(number, actor, expectedVersion, o -> approve
                ? o.approveReturn(newLead, note, actor, clock.instant(), deadlines)
                : o.rejectReturn(note, actor, clock.instant(), deadlines));
    }

    @Transactional
    public WorkOrder addCoUnit(OrderNumber number, UnitId unit, String note, Actor actor, Long expectedVersion) {
        requireUnit("unit", unit);
        return change(number, actor, expectedVersion,
                o -> o.addCoUnit(unit, note, actor, clock.instant(), deadlines));
    }

    @Transactional
    public WorkOrder acknowledgeAsCoUnit(OrderNumber number, Actor actor, Long expectedVersion) {
        return change(number, actor, expectedVersion, o -> o.acknowledgeAsCoUnit(actor, clock.instant()));
    }

    @Transactional
    public WorkOrder submitCoUnitPart(OrderNumber number, String contribution, Actor actor, Long expectedVersion) {
        return change(number, actor, expectedVersion,
                o -> o.submitCoUnitPart(contribution, actor, clock.instant()));
    }

    @Transactional
    public WorkOrder declineAsCoUnit(OrderNumber number, String reason, Actor actor, Long expectedVersion) {
        return change(number, actor, expectedVersion, o -> o.declineAsCoUnit(reason, actor, clock.instant()));
    }

    @Transactional
    public WorkOrder recordNonCooperation(OrderNumber number, UnitId unit, Actor actor) {
        return change(number, actor, null, o -> o.recordNonCooperation(unit, actor, clock.instant()));
    }

    @Transactional
    public WorkOrder requestExtension(OrderNumber number, int workingDays, String reason, Actor actor,
            Long expectedVersion) {
        return change(number, actor, expectedVersion,
                o -> o.requestExtension(workingDays, reason, actor, clock.instant(), deadlines));
    }

    @Transactional
    public WorkOrder decideExtension(OrderNumber number, boolean approve, String note, Actor actor,
            Long expectedVersion) {
        return change(number, actor, expectedVersion,
                o -> o.decideExtension(approve, note, actor, clock.instant(), deadlines));
    }

    @Transactional
    public WorkOrder supervise(OrderNumber number, String reason, Actor actor, Long expectedVersion) {
        return change(number, actor, expectedVersion, o -> o.supervise(reason, actor, clock.instant()));
    }

    /** 并单: merges {@code number} into {@code master}; both orders are written in this one transaction. */
    @Transactional
    public WorkOrder merge(OrderNumber number, OrderNumber master, String note, Actor actor, Long expectedVersion) {
        WorkOrder masterOrder = orders.find(master).filter(o -> o.isVisibleTo(actor))
                .orElseThrow(() -> new InvalidInputException("master", "主工单 " + master + " 不存在"));
        WorkOrder merged = change(number, actor, expectedVersion,
                o -> o.mergeInto(masterOrder, note, actor, clock.instant()));
        orders.update(masterOrder);
        return merged;
    }

    @Transactional
    public WorkOrder reply(OrderNumber number, WorkOrder.ReplyContent reply, Actor actor, Long expectedVersion) {
        return change(number, actor, expectedVersion, o -> o.reply(reply, actor, clock.instant()));
    }

    @Transactional
    public WorkOrder redo(OrderNumber number, String reason, Actor actor, Long expectedVersion) {
        return change(number, actor, expectedVersion, o -> o.redo(reason, actor, clock.instant(), deadlines));
    }

    /**
     * 办结 through the quality loop, for the loop itself: the order closes only if {@link QualityGate} finds, in
     * the loop's stored records, that the latest reply has passed ({@link CloseRule}). {@code actor} made the
     * deciding step; {@code note} is what the history says. Orders merged into this one close with it.
     */
    @Transactional
    public WorkOrder closeThroughQualityLoop(OrderNumber number, String note, Actor actor) {
        return closeWithFollowers(change(number, actor, null,
                o -> o.close(clearance(o).orElse(null), note, actor, clock.instant())), actor);
    }

    /**
     * 主任决定办结 ({@code POST /close}): the director closes a replied order outside the quality loop, with a
     * reason; everyone else is refused with the reason why ({@link CloseRule}). Merged orders close with it.
     */
    @Transactional
    public WorkOrder overrideClose(OrderNumber number, String reason, Actor actor, Long expectedVersion) {
        return closeWithFollowers(change(number, actor, expectedVersion,
                o -> o.overrideClose(reason, actor, clock.instant())), actor);
    }

    /** 审核: a review decision the quality loop has recorded, added to the order's history in its transaction. */
    @Transactional
    public WorkOrder recordReview(OrderNumber number, String level, boolean approved, String reason, Actor reviewer) {
        return change(number, reviewer, null, o -> o.recordReview(level, approved, reason, reviewer, clock.instant()));
    }

    /** 回访: a callback attempt the quality loop has recorded, added to the order's history in its transaction. */
    @Transactional
    public WorkOrder recordCallback(OrderNumber number, int attempt, String result, String comment, Actor agent) {
        return change(number, agent, null, o -> o.recordCallback(attempt, result, comment, agent, clock.instant()));
    }

    private Optional<QualityClearance> clearance(WorkOrder order) {
        QualityGate gate = qualityGate.getIfAvailable();
        if (gate == null || order.replies().isEmpty()) {
            return Optional.empty();
        }
        int latest = order.replies().get(order.replies().size() - 1).seq();
        return gate.closingBasis(order.number(), latest).map(basis -> new QualityClearance(latest, basis));
    }

    private WorkOrder closeWithFollowers(WorkOrder closed, Actor actor) {
        for (WorkOrder follower : orders.mergedInto(closed.number())) {
            if (follower.closeWithMaster(closed, actor, clock.instant()).isAllowed()) {
                orders.update(follower);
                follower.events().forEach(events::publishEvent);
            }
        }
        return closed;
    }

    /** 上传附件: the file and the history line that records it are written in one transaction. */
    @Transactional
    public Attachments.Stored attach(OrderNumber number, String fileName, String contentType, byte[] data,
            Actor actor) {
        change(number, actor, null, o -> o.attach(fileName, actor, clock.instant()));
        return attachments.store(number, fileName, contentType, data, actor.username(), clock.instant());
    }

    /** 办理记录: a unit's note while handling, a line of the history for the center and that unit. */
    @Transactional
    public WorkOrder addNote(OrderNumber number, String text, Actor actor, Long expectedVersion) {
        return change(number, actor, expectedVersion, o -> o.addNote(text, actor, clock.instant()));
    }

    // ---------------------------------------------------------------- internals

    private WorkOrder change(OrderNumber number, Actor actor, Long expectedVersion,
            Function<WorkOrder, Decision> action) {
        WorkOrder order = find(number, actor);
        if (expectedVersion != null && expectedVersion != order.version()) {
            throw new ConflictException("stale-version",
                    "工单已被其他用户修改（当前版本 " + order.version() + "，请求版本 " + expectedVersion + "），请刷新后重试");
        }
        refuseIfRejected(action.apply(order));
        orders.update(order);
        order.events().forEach(events::publishEvent);
        return order;
    }

    private static void refuseIfRejected(Decision decision) {
        if (decision instanceof Decision.Rejected r) {
            if (r.forbidden()) {
                throw new ForbiddenException(r.code(), r.reason());
            }
            throw new ConflictException(r.code(), r.reason());
        }
    }

    private void requireUnit(String field, UnitId unit) {
        if (unit == null) {
            throw new InvalidInputException(field, "必须指定单位");
        }
        Unit found = units.find(unit).orElseThrow(() -> new InvalidInputException(field, "未知单位：" + unit));
        if (!found.active()) {
            throw new InvalidInputException(field, "单位已停用：" + found.name());
        }
    }

    private void requireCategory(String field, String code) {
        if (code != null && categories.find(code).isEmpty()) {
            throw new InvalidInputException(field, "未知分类：" + code);
        }
    }
}
