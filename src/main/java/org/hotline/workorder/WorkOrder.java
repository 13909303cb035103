package org.hotline.workorder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.hotline.deadline.Deadlines;
import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;

/**
 * A work order (工单): one citizen appeal as the hotline tracks it, from the call to the close.
 *
 * <p>An operator (or a channel such as the web form or Open311) <b>registers</b> the appeal. An inquiry the
 * operator can answer on the spot is closed at once with the answer recorded (直接答复), with the knowledge-base
 * entry it came from. Triage (分流) may find that an appeal is not the hotline's to dispatch: a person then
 * <b>settles</b> it ({@link Settlement}) and it closes without a unit: referred to 110, 119, 120 or 122 (紧急转接),
 * told its proper channel when it is in court, arbitration, reconsideration, petition or discipline procedure
 * (告知其他途径), or recorded invalid (无效诉求); during the call, or later for an order triage held for a person.
 * The order keeps what it became ({@link #intakeOutcome()}). Every other order is <b>dispatched</b> to one lead unit (主办), optionally with co-units (协办), by the AI dispatcher or a human
 * dispatcher. The lead unit <b>acknowledges</b> it (签收) within its acknowledge deadline and handles it
 * within its handling deadline, both on the working-day calendar.
 *
 * <p>Under first-receiver responsibility (首接负责制) the unit that received the order handles it. Its only exit
 * is a <b>return</b> request: outside its jurisdiction, naming the right unit, within the return window (2
 * working days of dispatch by default), once per order. While the center reviews it the handling clock is paused. The center either
 * approves and re-dispatches to another unit, or rejects, after which the unit must handle the order.
 *
 * <p>The lead unit (or the center) may add <b>co-units</b> for joint handling. Each co-unit acknowledges and
 * submits its part by its own deadline; one that misses it or declines is recorded as non-cooperating. The
 * lead unit may ask for an <b>extension</b> (at most 10 working days in all by default), which the center approves or
 * rejects. The center may <b>supervise</b> (督办) an open order, and may <b>merge</b> repeat appeals about the
 * same matter into a master order; merged orders follow the master's outcome.
 *
 * <p>The lead unit <b>replies</b> with the result and what was done. Review and the citizen's callback then
 * decide: a rejected or unsatisfactory result goes back to the same unit for <b>redo</b> (重办) with a new
 * deadline, counted; an accepted one is <b>closed</b> (办结). Each review decision and callback attempt is a line
 * in the order's history. A replied order closes only through that quality loop, or by the director's
 * recorded override ({@link CloseRule}).
 *
 * <p>Each transition is one method here that checks the status, the actor's right and the named rules, and
 * answers with a {@link Decision}. A rejected action changes nothing. An allowed one changes the state,
 * appends a {@link HistoryEntry} (who, when, why, from which status to which, and beside that text the facts
 * other modules count: the units concerned, whether it came late) and registers a
 * {@link WorkOrderEvent}. Overdue and at-risk are not fields: they are derived from the deadlines and the
 * time the caller passes in.
 *
 * <p>The state is kept by concern, each part a value replaced whole when it changes: the {@link Registration}
 * (what came in, never changed), the current category, status and lead unit, the lead unit's
 * {@link HandlingClock} (dispatch, acknowledge and reply deadlines, the return window), its
 * {@link ReturnRequest}, the {@link Extension}, the {@link Supervision}, the {@link Merge}, the co-units and the
 * replies. When the latest reply came is read from the replies. The history itself is not loaded with the order:
 * the order only appends to it.
 */
public final class WorkOrder {

    private final OrderNumber number;
    private long version;
    private final Registration registration;

    private String categoryCode;
    private OrderStatus status;
    private String intakeAnswer;
    private TriageOutcome intakeOutcome;
    private String intakeRoute;
    private UnitId leadUnit;
    private HandlingClock clock;
    private ReturnRequest returnRequest;
    private Extension extension;
    private int redoCount;
    private Supervision supervision;
    private Merge merge;
    private Instant closedAt;
    private final List<CoUnit> coUnits;
    private final List<Reply> replies;
    private int historySize;

    private final List<HistoryEntry> newHistory = new ArrayList<>();
    private final List<Reply> newReplies = new ArrayList<>();
    private final List<WorkOrderEvent> events = new ArrayList<>();

    private WorkOrder(Snapshot s) {
        this.number = s.number();
        this.version = s.version();
        this.registration = s.registration();
        this.categoryCode = s.categoryCode();
        this.status = s.status();
        this.intakeAnswer = s.intakeAnswer();
        this.leadUnit = s.leadUnit();
        this.clock = s.clock();
        this.returnRequest = s.returnRequest();
        this.extension = s.extension();
        this.redoCount = s.redoCount();
        this.supervision = s.supervision();
        this.merge = s.merge();
        this.closedAt = s.closedAt();
        this.coUnits = new ArrayList<>(s.coUnits() == null ? List.of() : s.coUnits());
        this.replies = new ArrayList<>(s.replies() == null ? List.of() : s.replies());
        this.historySize = s.historySize();
        this.intakeOutcome = s.intakeOutcome();
        this.intakeRoute = s.intakeRoute();
    }

    // ---------------------------------------------------------------- creation

    /** What an operator or a channel records when an appeal comes in. */
    public record Appeal(Channel channel, AppealType appealType, Citizen citizen, String content, Location location,
            String categoryCode, Urgency urgency) {

        public Appeal {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(appealType, "appealType");
            Objects.requireNonNull(citizen, "citizen");
            Objects.requireNonNull(content, "content");
            urgency = urgency == null ? Urgency.NORMAL : urgency;
            location = location == null ? Location.none() : location;
        }
    }

    /** 受理: registers an appeal; the order then waits for dispatch. */
    public static WorkOrder register(OrderNumber number, Appeal appeal, Actor actor, Instant now) {
        WorkOrder order = fresh(number, appeal, actor, now);
        order.record(actor, now, OrderAction.REGISTER, null, OrderStatus.REGISTERED, null, null);
        order.events.add(new WorkOrderEvent.Registered(number, now, actor.username(), appeal.channel(),
                appeal.appealType(), appeal.categoryCode(), false));
        return order;
    }

    /**
     * 直接答复: an inquiry the operator answered during the call is registered and closed in one step, with the
     * answer recorded. Only inquiries qualify: a complaint or a report always needs a unit to act.
     */
    public static Decision answerAtIntake(OrderNumber number, Appeal appeal, String answer, Actor actor, Instant now,
            java.util.function.Consumer<WorkOrder> created) {
        return answerAtIntake(number, appeal, answer, null, actor, now, created);
    }

    /**
     * 直接答复 from the knowledge base: the same, recording the entry ({@code knowledgeEntry}) the answer came from,
     * so that the entry's use is counted and a changed entry can be traced to the answers given from it.
     */
    public static Decision answerAtIntake(OrderNumber number, Appeal appeal, String answer, String knowledgeEntry,
            Actor actor, Instant now, java.util.function.Consumer<WorkOrder> created) {
        Decision d = Decision.firstRejection(
                () -> Permissions.mayCreate(OrderAction.ANSWER_AT_INTAKE, actor, appeal.channel()),
                () -> appeal.appealType() == AppealType.INQUIRY ? Decision.allowed()
                        : Decision.rejected("answer-at-intake-inquiry-only", "只有咨询类诉求可以直接答复办结"),
                () -> answer != null && !answer.isBlank() ? Decision.allowed()
                        : Decision.rejected("answer-required", "直接答复必须填写答复内容"));
        return d.ifAllowed(() -> {
            WorkOrder order = fresh(number, appeal, actor, now);
            order.intakeAnswer = answer;
            order.intakeOutcome = TriageOutcome.KNOWLEDGE;
            order.intakeRoute = knowledgeEntry == null || knowledgeEntry.isBlank() ? null : knowledgeEntry.strip();
            order.closedAt = now;
            order.record(actor, now, OrderAction.ANSWER_AT_INTAKE, null, OrderStatus.CLOSED,
                    order.intakeRoute == null ? null : "知识库条目：" + order.intakeRoute, answer);
            order.events.add(new WorkOrderEvent.Registered(number, now, actor.username(), appeal.channel(),
                    appeal.appealType(), appeal.categoryCode(), true));
            order.events.add(new WorkOrderEvent.Closed(number, now, actor.username(), null, true, null, false));
            created.accept(order);
        });
    }

    /**
     * 重复来电并单: a caller reports a matter an open order already tracks (the same problem at the same place), and
     * the operator attaches the call to that order instead of opening another. The call is registered and merged
     * into {@code masterOrder} in one step, by whoever may register it: it never waits in the dispatch queue, and
     * it follows the master's outcome like any merged order. The master must accept a merge ({@link #acceptsMerge}).
     * Both orders change; the caller stores them in one transaction.
     */
    public static Decision registerAsRepeat(OrderNumber number, Appeal appeal, WorkOrder masterOrder, String note,
            Actor actor, Instant now, java.util.function.Consumer<WorkOrder> created) {
        return Decision.firstRejection(
                () -> Permissions.mayCreate(OrderAction.REGISTER, actor, appeal.channel()),
                () -> masterOrder.acceptsMerge())
                .ifAllowed(() -> {
                    WorkOrder order = fresh(number, appeal, actor, now);
                    order.record(actor, now, OrderAction.REGISTER, null, OrderStatus.REGISTERED, null, null);
                    order.events.add(new WorkOrderEvent.Registered(number, now, actor.username(), appeal.channel(),
                            appeal.appealType(), appeal.categoryCode(), false));
                    order.mergeAfterChecks(masterOrder, note == null || note.isBlank() ? "受理时并入：重复来电" : note,
                            actor, now);
                    created.accept(order);
                });
    }

    private static WorkOrder fresh(OrderNumber number, Appeal appeal, Actor actor, Instant now) {
        Registration registration = new Registration(appeal.channel(), appeal.appealType(), appeal.citizen(),
                appeal.content(), appeal.location(), appeal.urgency(), now, actor.username());
        return new WorkOrder(new Snapshot(number, 0, registration, appeal.categoryCode(), OrderStatus.REGISTERED,
                null, null, HandlingClock.NOT_STARTED, ReturnRequest.NONE, Extension.NONE, 0, Supervision.NONE,
                Merge.NONE, null, List.of(), List.of(), 0, null, null));
    }

    /** Rebuilds an order from storage. */
    public static WorkOrder restore(Snapshot snapshot) {
        return new WorkOrder(snapshot);
    }

    // ---------------------------------------------------------------- settling at intake

    /**
     * 分流办结: a person settles a registered appeal that is not the hotline's to dispatch: it is closed now, never
     * dispatched, with what it became and the person's words in its history. Triage only suggests this; the
     * operator decides during the call, or a dispatcher for an order triage held for a person.
     */
    public Decision settle(Settlement settlement, Actor actor, Instant now) {
        java.util.Objects.requireNonNull(settlement, "settlement");
        // registered in this same unit of work: the operator decided during the call
        boolean atIntake = newHistory.stream().anyMatch(h -> h.action() == OrderAction.REGISTER);
        return Decision.firstRejection(
                () -> statusAllows(settlement.action()),
                () -> IntakeSettlementRules.onlyAPersonSettlesAnAppeal(actor),
                () -> Permissions.may(settlement.action(), actor, this),
                () -> IntakeSettlementRules.aReferralNamesItsService(settlement),
                () -> IntakeSettlementRules.aRedirectionExplainsTheProperChannel(settlement),
                () -> IntakeSettlementRules.anInvalidCallNamesItsReason(settlement),
                () -> IntakeSettlementRules.anOrderOthersFollowIsNotSettled(this))
                .ifAllowed(() -> {
                    intakeOutcome = settlement.outcome();
                    intakeRoute = settlement.routeName();
                    closedAt = now;
                    String reason;
                    String detail;
                    if (settlement instanceof Settlement.Referral r) {
                        reason = trimmed(r.note());
                        detail = "已转 " + r.service().number() + "（" + r.service().label() + "）";
                    } else if (settlement instanceof Settlement.Redirection r) {
                        intakeAnswer = r.explanation().strip();
                        reason = intakeAnswer;
                        detail = "告知通过" + r.route().label() + "途径解决（" + r.route().body() + "）";
                    } else {
                        Settlement.Invalid i = (Settlement.Invalid) settlement;
                        reason = trimmed(i.note());
                        detail = "无效诉求：" + i.reason().label();
                    }
                    transition(actor, now, settlement.action(), OrderStatus.CLOSED, reason, detail);
                    events.add(new WorkOrderEvent.Settled(number, now, actor.username(), intakeOutcome, intakeRoute,
                            atIntake));
                });
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------- dispatch

    /** 派单: sends a registered order to its lead unit and any co-units; the unit's clocks start now. */
    public Decision dispatch(UnitId lead, List<UnitId> coUnitIds, String category, String note, Actor actor,
            Instant now, Deadlines deadlines) {
        List<UnitId> co = coUnitIds == null ? List.of() : List.copyOf(coUnitIds);
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.DISPATCH),
                () -> Permissions.may(OrderAction.DISPATCH, actor, this),
                () -> co.contains(lead) ? Decision.rejected("co-unit-is-lead", "主办单位不能同时作为协办单位")
                        : Decision.allowed(),
                () -> co.stream().distinct().count() < co.size()
                        ? Decision.rejected("co-unit-duplicate", "协办单位重复") : Decision.allowed())
                .ifAllowed(() -> {
                    OrderStatus from = status;
                    if (category != null) {
                        categoryCode = category;
                    }
                    startHandling(lead, now, deadlines);
                    for (UnitId c : co) {
                        coUnits.add(CoUnit.added(c, now, actor.username(),
                                deadlines.coUnitBy(now, clock.handleDeadline())));
                    }
                    record(actor, now, OrderAction.DISPATCH, from, OrderStatus.DISPATCHED, note,
                            "主办：" + lead + (co.isEmpty() ? "" : "；协办：" + join(co)), lead, null, null);
                    events.add(new WorkOrderEvent.Dispatched(number, now, actor.username(), lead, co, categoryCode,
                            false));
                });
    }

    private void startHandling(UnitId lead, Instant now, Deadlines deadlines) {
        leadUnit = lead;
        status = OrderStatus.DISPATCHED;
        clock = HandlingClock.startedAt(now, urgency().isUrgent(), deadlines);
    }

    /** 签收: the lead unit confirms it has the order. Late acknowledgement is allowed but counted as late. */
    public Decision acknowledge(Actor actor, Instant now) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.ACKNOWLEDGE),
                () -> Permissions.may(OrderAction.ACKNOWLEDGE, actor, this))
                .ifAllowed(() -> {
                    boolean onTime = !clock.isPastAcknowledgeDeadline(now);
                    clock = clock.acknowledged(now);
                    transition(actor, now, OrderAction.ACKNOWLEDGE, OrderStatus.IN_PROGRESS, null,
                            onTime ? null : "超时签收", leadUnit, null, !onTime);
                    events.add(new WorkOrderEvent.Acknowledged(number, now, actor.username(), leadUnit, onTime));
                });
    }

    // ---------------------------------------------------------------- first-receiver responsibility

    /** 申请退回: see {@link FirstReceiverResponsibility} for when this is allowed. The handling clock pauses. */
    public Decision requestReturn(ReturnReason reason, UnitId suggestedUnit, String explanation, Actor actor,
            Instant now, Deadlines deadlines) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.REQUEST_RETURN),
                () -> Permissions.may(OrderAction.REQUEST_RETURN, actor, this),
                () -> FirstReceiverResponsibility.mayRequestReturn(this, reason, suggestedUnit, explanation, now,
                        deadlines.returnRequestDays()))
                .ifAllowed(() -> {
                    returnRequest = returnRequest.another(now, explanation, suggestedUnit);
                    transition(actor, now, OrderAction.REQUEST_RETURN, OrderStatus.RETURN_REQUESTED,
                            explanation, reason.label() + "；建议承办单位：" + suggestedUnit, leadUnit, suggestedUnit,
                            null);
                    events.add(new WorkOrderEvent.ReturnRequested(number, now, actor.username(), leadUnit,
                            suggestedUnit, explanation));
                });
    }

    /**
     * 同意退回: the center agrees the order is outside the unit's jurisdiction and re-dispatches it, to the
     * suggested unit unless it names another. The new unit starts with fresh clocks.
     */
    public Decision approveReturn(UnitId newLead, String note, Actor actor, Instant now, Deadlines deadlines) {
        UnitId target = newLead != null ? newLead : returnRequest.suggestedUnit();
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.APPROVE_RETURN),
                () -> Permissions.may(OrderAction.APPROVE_RETURN, actor, this),
                () -> target.equals(leadUnit) ? Decision.rejected("return-to-same-unit", "改派单位不能是原承办单位")
                        : Decision.allowed())
                .ifAllowed(() -> {
                    UnitId from = leadUnit;
                    coUnits.removeIf(c -> c.unit().equals(target));
                    startHandling(target, now, deadlines);
                    record(actor, now, OrderAction.APPROVE_RETURN, OrderStatus.RETURN_REQUESTED,
                            OrderStatus.DISPATCHED, note, "原承办：" + from + "；改派：" + target, from, target, null);
                    events.add(new WorkOrderEvent.ReturnApproved(number, now, actor.username(), from, target,
                            categoryCode));
                    events.add(new WorkOrderEvent.Dispatched(number, now, actor.username(), target,
                            coUnits.stream().map(CoUnit::unit).toList(), categoryCode, true));
                });
    }

    /**
     * 驳回退回: the center finds the order within the unit's duties. The unit must now handle it (the order is
     * treated as acknowledged), and its handling deadline moves by the working time the review took.
     */
    public Decision rejectReturn(String reason, Actor actor, Instant now, Deadlines deadlines) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.REJECT_RETURN),
                () -> Permissions.may(OrderAction.REJECT_RETURN, actor, this),
                () -> reason != null && !reason.isBlank() ? Decision.allowed()
                        : Decision.rejected("reason-required", "驳回退回必须说明理由"))
                .ifAllowed(() -> {
                    clock = clock.paused(returnRequest.requestedAt(), now, deadlines).acknowledgedUnlessAlready(now);
                    transition(actor, now, OrderAction.REJECT_RETURN, OrderStatus.IN_PROGRESS, reason,
                            "首接负责制：须由本单位办理");
                    events.add(new WorkOrderEvent.ReturnRejected(number, now, actor.username(), leadUnit, reason));
                });
    }

    // ---------------------------------------------------------------- joint handling

    /** 增加协办单位: the lead unit or the center asks another unit to contribute its part. */
    public Decision addCoUnit(UnitId unit, String note, Actor actor, Instant now, Deadlines deadlines) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.ADD_CO_UNIT),
                () -> Permissions.may(OrderAction.ADD_CO_UNIT, actor, this),
                () -> JointHandling.mayAddCoUnit(this, unit))
                .ifAllowed(() -> {
                    Instant deadline = deadlines.coUnitBy(now, clock.handleDeadline());
                    coUnits.add(CoUnit.added(unit, now, actor.username(), deadline));
                    record(actor, now, OrderAction.ADD_CO_UNIT, status, status, note, "协办：" + unit, unit, null,
                            null);
                    events.add(new WorkOrderEvent.CoUnitAdded(number, now, actor.username(), unit, deadline));
                });
    }

    /** 协办签收 */
    public Decision acknowledgeAsCoUnit(Actor actor, Instant now) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.CO_UNIT_ACKNOWLEDGE),
                () -> Permissions.may(OrderAction.CO_UNIT_ACKNOWLEDGE, actor, this),
                () -> coUnitNotYetAcknowledged(actor))
                .ifAllowed(() -> {
                    replaceCoUnit(coUnit(actor.unit()).orElseThrow().acknowledged(now));
                    record(actor, now, OrderAction.CO_UNIT_ACKNOWLEDGE, status, status, null, null, actor.unit(),
                            null, null);
                });
    }

    /** 提交协办意见: the co-unit delivers its part. Late parts are accepted but stay recorded as late. */
    public Decision submitCoUnitPart(String contribution, Actor actor, Instant now) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.CO_UNIT_SUBMIT),
                () -> Permissions.may(OrderAction.CO_UNIT_SUBMIT, actor, this),
                () -> contribution != null && !contribution.isBlank() ? Decision.allowed()
                        : Decision.rejected("contribution-required", "协办意见不能为空"),
                () -> coUnitNotYetSubmitted(actor))
                .ifAllowed(() -> {
                    CoUnit before = coUnit(actor.unit()).orElseThrow();
                    boolean onTime = !now.isAfter(before.deadline());
                    replaceCoUnit(before.submitted(now, contribution));
                    record(actor, now, OrderAction.CO_UNIT_SUBMIT, status, status, null, contribution,
                            actor.unit(), null, !onTime);
                    events.add(new WorkOrderEvent.CoUnitSubmitted(number, now, actor.username(), actor.unit(),
                            onTime));
                });
    }

    /**
     * 协办拒绝: a co-unit refuses its part. It may not walk away silently: the refusal is recorded as
     * non-cooperation at once and reported like a missed deadline.
     */
    public Decision declineAsCoUnit(String reason, Actor actor, Instant now) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.CO_UNIT_DECLINE),
                () -> Permissions.may(OrderAction.CO_UNIT_DECLINE, actor, this),
                () -> reason != null && !reason.isBlank() ? Decision.allowed()
                        : Decision.rejected("reason-required", "拒绝协办必须说明理由"),
                () -> coUnitStillPending(actor))
                .ifAllowed(() -> {
                    replaceCoUnit(coUnit(actor.unit()).orElseThrow().nonCooperating(now, "拒绝协办：" + reason));
                    record(actor, now, OrderAction.CO_UNIT_DECLINE, status, status, reason, "记为不配合",
                            actor.unit(), null, null);
                    events.add(new WorkOrderEvent.NonCooperationRecorded(number, now, actor.username(),
                            actor.unit(), leadUnit, "拒绝协办：" + reason));
                });
    }

    /**
     * 记录不配合: the deadline sweep (or the center) writes off a co-unit that missed its deadline. Refused
     * while the co-unit still has time, so the record is always a fact.
     */
    public Decision recordNonCooperation(UnitId unit, Actor actor, Instant now) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.RECORD_NON_COOPERATION),
                () -> Permissions.may(OrderAction.RECORD_NON_COOPERATION, actor, this),
                () -> coUnit(unit).isPresent() ? Decision.allowed()
                        : Decision.rejected("not-a-co-unit", "该单位不是本工单的协办单位"),
                () -> coUnit(unit).orElseThrow().missedDeadline(now) ? Decision.allowed()
                        : Decision.rejected("co-unit-not-overdue", "该协办单位未超期或已提交"))
                .ifAllowed(() -> markNonCooperating(unit, actor, now));
    }

    private void markNonCooperating(UnitId unit, Actor actor, Instant now) {
        CoUnit c = coUnit(unit).orElseThrow();
        replaceCoUnit(c.nonCooperating(now, "超过协办期限未提交"));
        record(actor, now, OrderAction.RECORD_NON_COOPERATION, status, status, "超过协办期限未提交", "协办：" + unit,
                unit, null, null);
        events.add(new WorkOrderEvent.NonCooperationRecorded(number, now, actor.username(), unit, leadUnit,
                "超过协办期限未提交"));
    }

    // ---------------------------------------------------------------- extension and supervision

    /** 申请延期: see {@link ExtensionLimit}. */
    public Decision requestExtension(int workingDays, String reason, Actor actor, Instant now, Deadlines deadlines) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.REQUEST_EXTENSION),
                () -> Permissions.may(OrderAction.REQUEST_EXTENSION, actor, this),
                () -> ExtensionLimit.mayRequest(this, workingDays, reason, deadlines.maxExtensionDays()))
                .ifAllowed(() -> {
                    extension = extension.requested(workingDays, reason);
                    record(actor, now, OrderAction.REQUEST_EXTENSION, status, status, reason,
                            workingDays + " 个工作日");
                    events.add(new WorkOrderEvent.ExtensionRequested(number, now, actor.username(), leadUnit,
                            workingDays, reason));
                });
    }

    /** 延期审批: the center approves (the deadline moves by the requested working days) or rejects. */
    public Decision decideExtension(boolean approve, String note, Actor actor, Instant now, Deadlines deadlines) {
        OrderAction action = approve ? OrderAction.APPROVE_EXTENSION : OrderAction.REJECT_EXTENSION;
        return Decision.firstRejection(
                () -> statusAllows(action),
                () -> Permissions.may(action, actor, this),
                this::extensionPending,
                () -> approve || (note != null && !note.isBlank()) ? Decision.allowed()
                        : Decision.rejected("reason-required", "驳回延期必须说明理由"))
                .ifAllowed(() -> {
                    int days = extension.pendingDays();
                    if (approve) {
                        clock = clock.extended(days, deadlines);
                        extension = extension.approved();
                    } else {
                        extension = extension.dropped();
                    }
                    record(actor, now, action, status, status, note, days + " 个工作日");
                    events.add(new WorkOrderEvent.ExtensionDecided(number, now, actor.username(), leadUnit, days,
                            approve, clock.handleDeadline()));
                });
    }

    /** 督办: the center presses the unit. Recorded in the history, which the unit sees, and counted. */
    public Decision supervise(String reason, Actor actor, Instant now) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.SUPERVISE),
                () -> Permissions.may(OrderAction.SUPERVISE, actor, this),
                () -> reason != null && !reason.isBlank() ? Decision.allowed()
                        : Decision.rejected("reason-required", "督办必须填写督办意见"))
                .ifAllowed(() -> {
                    supervision = supervision.pressedAt(now);
                    record(actor, now, OrderAction.SUPERVISE, status, status, reason, null);
                    events.add(new WorkOrderEvent.Supervised(number, now, actor.username(), leadUnit, reason));
                });
    }

    // ---------------------------------------------------------------- merge

    /**
     * 并单: this order repeats an appeal already tracked by {@code masterOrder}; it is merged into it and
     * follows its outcome. The master counts the merged citizens. Both orders change in one transaction.
     */
    public Decision mergeInto(WorkOrder masterOrder, String note, Actor actor, Instant now) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.MERGE),
                () -> Permissions.may(OrderAction.MERGE, actor, this),
                () -> masterOrder.number.equals(number) ? Decision.rejected("merge-into-itself", "不能与自身并单")
                        : Decision.allowed(),
                masterOrder::acceptsMerge,
                this::notAMaster)
                .ifAllowed(() -> mergeAfterChecks(masterOrder, note, actor, now));
    }

    /**
     * Whether other orders may be merged into this one: only while it is still being worked on and not yet
     * replied (a reply is under review and callback; a repeat call then is a new matter or a complaint about it).
     */
    public Decision acceptsMerge() {
        return status.isOpen() && status != OrderStatus.REPLIED ? Decision.allowed()
                : Decision.rejected("master-not-open", "主工单处于「" + status.label() + "」状态，不能并入");
    }

    private void mergeAfterChecks(WorkOrder masterOrder, String note, Actor actor, Instant now) {
        merge = merge.into(masterOrder.number);
        transition(actor, now, OrderAction.MERGE, OrderStatus.MERGED, note, "并入主单：" + masterOrder.number);
        masterOrder.merge = masterOrder.merge.oneMoreMerged();
        masterOrder.record(actor, now, OrderAction.MERGE, masterOrder.status, masterOrder.status, note,
                "并入：" + number);
        events.add(new WorkOrderEvent.Merged(number, now, actor.username(), masterOrder.number));
    }

    /**
     * A merged order follows its master: when the master closes, so does this order, with the master's
     * reply as its outcome.
     */
    public Decision closeWithMaster(WorkOrder masterOrder, Actor actor, Instant now) {
        if (status != OrderStatus.MERGED || !masterOrder.number.equals(merge.master())
                || masterOrder.status != OrderStatus.CLOSED) {
            return Decision.rejected("not-following-master", "工单未并入该主单或主单未办结");
        }
        closedAt = now;
        leadUnit = masterOrder.leadUnit;
        record(actor, now, OrderAction.CLOSE, OrderStatus.MERGED, OrderStatus.MERGED, "随主单办结",
                "主单：" + masterOrder.number);
        events.add(new WorkOrderEvent.Closed(number, now, actor.username(), leadUnit, false, masterOrder.number,
                false));
        return Decision.allowed();
    }

    // ---------------------------------------------------------------- reply, redo, close

    /** What the lead unit reports when it replies. */
    public record ReplyContent(ReplyOutcome outcome, String publicReply, String actionsTaken, String internalNote,
            boolean citizenContacted) {
    }

    /** 答复: the lead unit replies for all, once joint handling allows it (see {@link JointHandling}). */
    public Decision reply(ReplyContent r, Actor actor, Instant now) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.REPLY),
                () -> Permissions.may(OrderAction.REPLY, actor, this),
                () -> r.outcome() != null && r.publicReply() != null && !r.publicReply().isBlank()
                        ? Decision.allowed()
                        : Decision.rejected("reply-incomplete", "答复须填写办理结果和答复内容"),
                () -> JointHandling.mayReply(this, now))
                .ifAllowed(() -> {
                    for (CoUnit c : List.copyOf(coUnits)) {
                        if (c.missedDeadline(now)) {
                            markNonCooperating(c.unit(), actor, now);
                        }
                    }
                    Reply reply = new Reply(replies.size() + 1, leadUnit, actor.username(), now, r.outcome(),
                            r.publicReply(), r.actionsTaken(), r.internalNote(), r.citizenContacted());
                    replies.add(reply);
                    newReplies.add(reply);
                    extension = extension.dropped();
                    boolean late = clock.isPastHandleDeadline(now);
                    transition(actor, now, OrderAction.REPLY, OrderStatus.REPLIED, null, r.outcome().label(),
                            leadUnit, null, late);
                    events.add(new WorkOrderEvent.Replied(number, now, actor.username(), leadUnit, r.outcome(),
                            !late, redoCount));
                });
    }

    /**
     * 重办: review rejected the reply or the citizen was unsatisfied. The order goes back to the same unit, which
     * acknowledges it again, with a new deadline; the redo count goes up.
     */
    public Decision redo(String reason, Actor actor, Instant now, Deadlines deadlines) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.REDO),
                () -> Permissions.may(OrderAction.REDO, actor, this),
                () -> reason != null && !reason.isBlank() ? Decision.allowed()
                        : Decision.rejected("reason-required", "重办必须说明理由"))
                .ifAllowed(() -> {
                    redoCount++;
                    clock = clock.restartedForRedo(now, urgency().isUrgent(), deadlines);
                    transition(actor, now, OrderAction.REDO, OrderStatus.DISPATCHED, reason, "第 " + redoCount + " 次重办");
                    events.add(new WorkOrderEvent.SentForRedo(number, now, actor.username(), leadUnit, redoCount,
                            reason, clock.handleDeadline()));
                });
    }

    /**
     * 办结 through the quality loop: {@code clearance} is the loop's word that the latest reply passed (see
     * {@link CloseRule}); {@code actor} is whoever made the deciding step, and {@code note} their words.
     */
    public Decision close(QualityClearance clearance, String note, Actor actor, Instant now) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.CLOSE),
                () -> CloseRule.mayCloseThroughTheLoop(this, clearance))
                .ifAllowed(() -> {
                    closedAt = now;
                    transition(actor, now, OrderAction.CLOSE, OrderStatus.CLOSED,
                            note == null || note.isBlank() ? clearance.basis() : note,
                            "审核回访：" + clearance.basis());
                    events.add(new WorkOrderEvent.Closed(number, now, actor.username(), leadUnit, false, null, false));
                });
    }

    /**
     * 主任决定办结: the director closes a replied order outside the quality loop, with a reason (see
     * {@link CloseRule}). The history records it as an override, and the statistics count it.
     */
    public Decision overrideClose(String reason, Actor actor, Instant now) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.OVERRIDE_CLOSE),
                () -> CloseRule.mayOverride(actor, reason))
                .ifAllowed(() -> {
                    closedAt = now;
                    transition(actor, now, OrderAction.OVERRIDE_CLOSE, OrderStatus.CLOSED, reason.strip(),
                            "未经审核回访办结");
                    events.add(new WorkOrderEvent.Closed(number, now, actor.username(), leadUnit, false, null, true));
                });
    }

    /**
     * 审核: a review level's decision on the current reply, for the order's timeline. The quality loop keeps the
     * decision itself and writes this line in the same transaction; the status does not change.
     */
    public Decision recordReview(String level, boolean approved, String reason, Actor reviewer, Instant now) {
        boolean hasReason = reason != null && !reason.isBlank();
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.REVIEW),
                () -> level != null && !level.isBlank() ? Decision.allowed()
                        : Decision.rejected("review-level-required", "审核记录必须写明审核级别"),
                () -> approved || hasReason ? Decision.allowed()
                        : Decision.rejected("reason-required", "审核驳回必须说明理由"))
                .ifAllowed(() -> record(reviewer, now, OrderAction.REVIEW, status, status,
                        hasReason ? reason.strip() : null, level + "：" + (approved ? "通过" : "驳回")));
    }

    /**
     * 回访: one attempt to call the citizen about the current reply, for the order's timeline ({@code result}:
     * 未接通, or whether it is solved and the rating). The units read the timeline, so any phone number the
     * agent wrote into the comment is masked here; the quality loop keeps the attempt itself.
     */
    public Decision recordCallback(int attempt, String result, String comment, Actor agent, Instant now) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.CALLBACK),
                () -> attempt >= 1 && result != null && !result.isBlank() ? Decision.allowed()
                        : Decision.rejected("callback-result-required", "回访记录必须写明第几次回访及结果"))
                .ifAllowed(() -> record(agent, now, OrderAction.CALLBACK, status, status,
                        comment == null || comment.isBlank() ? null : Citizen.maskPhonesIn(comment.strip()),
                        "第 " + attempt + " 次回访：" + result));
    }

    /** 上传附件: records who attached what; the file itself is stored beside the order. */
    public Decision attach(String fileName, Actor actor, Instant now) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.ATTACH),
                () -> Permissions.may(OrderAction.ATTACH, actor, this))
                .ifAllowed(() -> record(actor, now, OrderAction.ATTACH, status, status, null, fileName,
                        actor.isCenter() ? null : actor.unit(), null, null));
    }

    /**
     * 办理记录: a note the lead unit or a co-unit writes down while handling the order (a visit, a call, what was
     * found on site). It is a line of the history, for the center and the unit that wrote it
     * ({@link HistoryEntry#isVisibleTo}), never for the citizen; it changes nothing else.
     */
    public Decision addNote(String text, Actor actor, Instant now) {
        return Decision.firstRejection(
                () -> statusAllows(OrderAction.NOTE),
                () -> Permissions.may(OrderAction.NOTE, actor, this),
                () -> text != null && !text.isBlank() ? Decision.allowed()
                        : Decision.rejected("note-required", "办理记录不能为空"))
                .ifAllowed(() -> record(actor, now, OrderAction.NOTE, status, status, null, text.strip(),
                        actor.unit(), null, null));
    }

    /**
     * The evidence a channel brought with the appeal (a citizen's or a reporter's photos), recorded in the order's
     * history as it is registered: it is part of the appeal, so no handling permission applies, and no unit is
     * credited with it.
     */
    void attachAtIntake(String fileName, Actor actor, Instant now) {
        record(actor, now, OrderAction.ATTACH, status, status, null, fileName, null, null, null);
    }

    // ---------------------------------------------------------------- derived state

    /** The order's clocks, which say whether it is overdue or at risk at a moment (see {@link OrderClocks}). */
    public OrderClocks clocks() {
        return new OrderClocks(status, clock.dispatchedAt(), clock.acknowledgeDeadline(), clock.handleDeadline());
    }

    /** 超期: the reply is due and has not come (or came late, for the history). */
    public boolean isOverdue(Instant now) {
        return clocks().isOverdue(now);
    }

    /** Not acknowledged although the acknowledge deadline has passed. */
    public boolean isAcknowledgeOverdue(Instant now) {
        return clocks().isAcknowledgeOverdue(now);
    }

    /** 临期: most of the handling time is gone but the deadline has not passed yet. */
    public boolean isAtRisk(Instant now, Deadlines deadlines) {
        return clocks().isAtRisk(now, deadlines);
    }

    /** Co-units that missed their deadline and have not been written off yet: work for the sweep. */
    public List<UnitId> coUnitsOverdue(Instant now) {
        return coUnits.stream().filter(c -> c.missedDeadline(now)).map(CoUnit::unit).toList();
    }

    public boolean isVisibleTo(Actor actor) {
        return actor.isCenter() || actor.role().worksOnOrders()
                && (actor.belongsTo(leadUnit) || coUnit(actor.unit()).isPresent());
    }

    /** Whether the viewer may see the citizen's full phone: the center's desk roles and the handling units. */
    public boolean mayContactCitizen(Actor viewer) {
        return mayContact(viewer, citizen(), viewer.belongsTo(leadUnit) || coUnit(viewer.unit()).isPresent());
    }

    /**
     * The contact rule for any view of an order: the center's desk roles may call every citizen back; a
     * handling unit (lead or co-unit) may call its own orders' citizens unless they asked for confidentiality,
     * in which case the unit goes through the center; nobody else needs the number.
     */
    public static boolean mayContact(Actor viewer, Citizen citizen, boolean viewerIsHandlingUnit) {
        return switch (viewer.role()) {
            case OPERATOR, DISPATCHER, REVIEWER, SUPERVISOR, DIRECTOR -> true;
            case UNIT_HANDLER, UNIT_LEADER -> viewerIsHandlingUnit && !citizen.confidential();
            case ADMIN, FIELD_REPORTER -> false;
        };
    }

    // ---------------------------------------------------------------- the citizen's view

    /**
     * Whether {@code digits} are the last four digits of the citizen's phone: what a citizen proves to look up
     * their order. An order without a phone (an anonymous web appeal) cannot be looked up this way.
     */
    public boolean citizenPhoneEndsWith(String digits) {
        String phone = citizen().phone();
        if (digits == null || !digits.matches("\\d{4}") || phone == null) {
            return false;
        }
        return phone.replaceAll("\\D", "").endsWith(digits);
    }

    /** The order as its citizen may see it: see {@link PublicCase}. */
    public PublicCase forCitizen() {
        PublicCase.Stage stage = PublicCase.Stage.of(status);
        boolean answered = stage == PublicCase.Stage.REPLIED || stage == PublicCase.Stage.CLOSED;
        Reply last = replies.isEmpty() ? null : replies.get(replies.size() - 1);
        String publicReply = !answered ? null : last != null ? last.publicReply() : intakeAnswer;
        Instant answeredAt = !answered ? null : last != null ? last.at() : closedAt;
        return new PublicCase(number, stage, registeredAt(),
                stage == PublicCase.Stage.HANDLING ? clock.handleDeadline() : null, publicReply, answeredAt);
    }

    // ---------------------------------------------------------------- what a viewer may do now

    /**
     * The actions {@code viewer} may take on this order at {@code now}, each with the rules' answer as far as the
     * order's state decides it: allowed, or rejected with the reason (a reply while a co-unit still has time, a
     * return after its window). Only actions that the status allows and that the viewer's role and unit permit
     * are listed at all. An allowed action can still be refused for what the viewer then enters (a return to
     * the unit itself, an extension beyond the limit); the action's own method decides that, with these same
     * rules. Screens offer exactly these, so they never show a button the order would refuse for its state.
     *
     * <p>The quality loop's steps (review, callback, the close they clear) are never listed: the loop takes them
     * on its own screens, from its own records ({@link CloseRule}). The director's override is listed for the
     * director exactly when {@link #overrideClose} would accept it with a reason.
     */
    public Map<OrderAction, Decision> actionsFor(Actor viewer, Instant now, Deadlines deadlines) {
        Map<OrderAction, Decision> actions = new EnumMap<>(OrderAction.class);
        for (OrderAction action : OrderAction.values()) {
            if (!action.isCreation() && !QUALITY_LOOP_STEPS.contains(action) && status.allows(action)
                    && whoMay(action, viewer).isAllowed()) {
                actions.put(action, stateAllows(action, viewer, now, deadlines));
            }
        }
        return actions;
    }

    /** What the quality loop writes and decides itself; no screen of the order offers them. */
    private static final Set<OrderAction> QUALITY_LOOP_STEPS = EnumSet.of(OrderAction.REVIEW, OrderAction.CALLBACK,
            OrderAction.CLOSE);

    /** Whether the viewer's role and unit may take the action at all: the permission each action's method checks. */
    private Decision whoMay(OrderAction action, Actor viewer) {
        return action == OrderAction.OVERRIDE_CLOSE ? CloseRule.mayOverride(viewer)
                : Permissions.may(action, viewer, this);
    }

    /** The rules of an action that depend on the order's state alone, not on what the actor enters. */
    private Decision stateAllows(OrderAction action, Actor actor, Instant now, Deadlines deadlines) {
        return switch (action) {
            case REQUEST_RETURN -> FirstReceiverResponsibility.mayStillReturn(this, now, deadlines.returnRequestDays());
            case CO_UNIT_ACKNOWLEDGE -> coUnitNotYetAcknowledged(actor);
            case CO_UNIT_SUBMIT -> coUnitNotYetSubmitted(actor);
            case CO_UNIT_DECLINE -> coUnitStillPending(actor);
            case RECORD_NON_COOPERATION -> coUnitsOverdue(now).isEmpty()
                    ? Decision.rejected("co-unit-not-overdue", "没有超过协办期限未提交的协办单位") : Decision.allowed();
            case REQUEST_EXTENSION -> ExtensionLimit.mayStillRequest(this, deadlines.maxExtensionDays());
            case APPROVE_EXTENSION, REJECT_EXTENSION -> extensionPending();
            case MERGE -> notAMaster();
            case REPLY -> JointHandling.mayReply(this, now);
            case REFER, REDIRECT, RECORD_INVALID -> IntakeSettlementRules.anOrderOthersFollowIsNotSettled(this);
            default -> Decision.allowed();
        };
    }

    private Decision coUnitNotYetAcknowledged(Actor actor) {
        return coUnit(actor.unit()).orElseThrow().acknowledgedAt() == null ? Decision.allowed()
                : Decision.rejected("co-unit-already-acknowledged", "本单位已签收该协办工单");
    }

    private Decision coUnitNotYetSubmitted(Actor actor) {
        return !coUnit(actor.unit()).orElseThrow().hasSubmitted() ? Decision.allowed()
                : Decision.rejected("co-unit-already-submitted", "本单位已提交协办意见");
    }

    private Decision coUnitStillPending(Actor actor) {
        return coUnit(actor.unit()).orElseThrow().isPending() ? Decision.allowed()
                : Decision.rejected("co-unit-not-pending", "本单位的协办已提交或已记录");
    }

    private Decision extensionPending() {
        return extension.isPending() ? Decision.allowed()
                : Decision.rejected("no-extension-pending", "没有待审批的延期申请");
    }

    private Decision notAMaster() {
        return !merge.isMaster() ? Decision.allowed()
                : Decision.rejected("order-is-master", "本工单已是其他工单的主单，不能再并入其他工单");
    }

    // ---------------------------------------------------------------- internals

    private Decision statusAllows(OrderAction action) {
        return status.allows(action) ? Decision.allowed()
                : Decision.rejected("status-forbids",
                        "工单处于「" + status.label() + "」状态，不能" + action.label());
    }

    private void transition(Actor actor, Instant now, OrderAction action, OrderStatus to, String reason,
            String detail) {
        transition(actor, now, action, to, reason, detail, leadUnit, null, null);
    }

    private void transition(Actor actor, Instant now, OrderAction action, OrderStatus to, String reason,
            String detail, UnitId unit, UnitId otherUnit, Boolean late) {
        OrderStatus from = status;
        status = to;
        record(actor, now, action, from, to, reason, detail, unit, otherUnit, late);
    }

    /** Records an action that concerns the lead unit (if any yet) and has no deadline of its own. */
    private void record(Actor actor, Instant now, OrderAction action, OrderStatus from, OrderStatus to, String reason,
            String detail) {
        record(actor, now, action, from, to, reason, detail, leadUnit, null, null);
    }

    /**
     * Appends the entry: the text for people ({@code reason}, {@code detail}) and, beside it, the facts other
     * modules count (see {@link HistoryEntry}), which never have to be read back out of the text.
     */
    private void record(Actor actor, Instant now, OrderAction action, OrderStatus from, OrderStatus to, String reason,
            String detail, UnitId unit, UnitId otherUnit, Boolean late) {
        status = to;
        historySize++;
        newHistory.add(new HistoryEntry(historySize, now, actor.username(), actor.displayName(), actor.role().name(),
                actor.unit() == null ? null : actor.unit().value(), action, from, to, reason, detail, unit, otherUnit,
                late));
    }

    private void replaceCoUnit(CoUnit updated) {
        coUnits.replaceAll(c -> c.unit().equals(updated.unit()) ? updated : c);
    }

    private static String join(List<UnitId> units) {
        return String.join("、", units.stream().map(UnitId::value).toList());
    }

    // ---------------------------------------------------------------- accessors

    public Optional<CoUnit> coUnit(UnitId unit) {
        return unit == null ? Optional.empty() : coUnits.stream().filter(c -> c.unit().equals(unit)).findFirst();
    }

    public OrderNumber number() { return number; }
    public long version() { return version; }
    public Channel channel() { return registration.channel(); }
    public AppealType appealType() { return registration.appealType(); }
    public Citizen citizen() { return registration.citizen(); }
    public String content() { return registration.content(); }
    public Location location() { return registration.location(); }
    public Urgency urgency() { return registration.urgency(); }
    public Instant registeredAt() { return registration.at(); }
    public String registeredBy() { return registration.by(); }
    public String categoryCode() { return categoryCode; }
    public OrderStatus status() { return status; }
    public String intakeAnswer() { return intakeAnswer; }

    /**
     * What the order became at intake: KNOWLEDGE (answered), EMERGENCY (referred), OTHER_CHANNEL (redirected),
     * INVALID; null for an order on the normal path to a unit.
     */
    public TriageOutcome intakeOutcome() { return intakeOutcome; }

    /** Beside {@link #intakeOutcome()}: the service, route or invalid reason by name, or the knowledge entry. */
    public String intakeRoute() { return intakeRoute; }
    public UnitId leadUnit() { return leadUnit; }
    public HandlingClock clock() { return clock; }
    public ReturnRequest returnRequest() { return returnRequest; }
    public Extension extension() { return extension; }
    public int redoCount() { return redoCount; }
    public Supervision supervision() { return supervision; }
    public Merge merge() { return merge; }
    public Instant closedAt() { return closedAt; }
    public List<CoUnit> coUnits() { return Collections.unmodifiableList(coUnits); }
    public List<Reply> replies() { return Collections.unmodifiableList(replies); }
    public int historySize() { return historySize; }

    /** When the latest reply came, null before the first: read from the replies, never kept apart from them. */
    public Instant repliedAt() { return Snapshot.latestAt(replies); }

    /** History entries added since the order was loaded, for the repository to append. */
    public List<HistoryEntry> newHistory() { return Collections.unmodifiableList(newHistory); }

    /** Replies added since the order was loaded, for the repository to append. */
    public List<Reply> newReplies() { return Collections.unmodifiableList(newReplies); }

    /** Events registered since the order was loaded, for the service to publish after saving. */
    public List<WorkOrderEvent> events() { return Collections.unmodifiableList(events); }

    /**
     * Called by the repository once the order is written at {@code storedVersion}: the pending history and
     * replies are in the database now, and the next write must start from the new version.
     */
    public void stored(long storedVersion) {
        version = storedVersion;
        newHistory.clear();
        newReplies.clear();
    }

    /** Everything the repository stores, by concern. */
    public Snapshot snapshot() {
        return new Snapshot(number, version, registration, categoryCode, status, intakeAnswer, leadUnit, clock,
                returnRequest, extension, redoCount, supervision, merge, closedAt, List.copyOf(coUnits),
                List.copyOf(replies), historySize, intakeOutcome, intakeRoute);
    }

    /**
     * The stored form of an order: what was registered, the current category, status, answer at intake and lead
     * unit, the lead unit's clocks, its return request, the extension, the redo count, the supervision, the
     * merge, when it closed, the co-units, the replies, how many history lines it has (the next line's
     * number), and what the order became at triage (null on the normal path). {@code version} is the optimistic-locking version it was read at.
     */
    public record Snapshot(OrderNumber number, long version, Registration registration, String categoryCode,
            OrderStatus status, String intakeAnswer, UnitId leadUnit, HandlingClock clock,
            ReturnRequest returnRequest, Extension extension, int redoCount, Supervision supervision, Merge merge,
            Instant closedAt, List<CoUnit> coUnits, List<Reply> replies, int historySize,
            TriageOutcome intakeOutcome, String intakeRoute) {

        /** When the latest reply came, null before the first: what the order's {@code replied_at} column holds. */
        public Instant repliedAt() {
            return latestAt(replies);
        }

        private static Instant latestAt(List<Reply> replies) {
            return replies == null || replies.isEmpty() ? null : replies.get(replies.size() - 1).at();
        }
    }
}
