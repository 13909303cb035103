package org.hotline.quality.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.hotline.organization.Actor;
import org.hotline.organization.Role;
import org.hotline.organization.Unit;
import org.hotline.organization.UnitId;
import org.hotline.organization.Units;
import org.hotline.platform.ConflictException;
import org.hotline.platform.ForbiddenException;
import org.hotline.platform.InvalidInputException;
import org.hotline.quality.CallResult;
import org.hotline.quality.CallbackAgents;
import org.hotline.quality.CallbackRetries;
import org.hotline.quality.CallbackSelection;
import org.hotline.quality.CheckOutcome;
import org.hotline.quality.EscalationDesk;
import org.hotline.quality.NextStep;
import org.hotline.quality.RedoEscalation;
import org.hotline.quality.ReplyCheck;
import org.hotline.quality.ReviewDecision;
import org.hotline.quality.ReviewLevel;
import org.hotline.quality.ReviewLevels;
import org.hotline.workorder.Decision;
import org.hotline.workorder.OrderNumber;
import org.hotline.workorder.OrderStatus;
import org.hotline.workorder.Reply;
import org.hotline.workorder.WorkOrder;
import org.hotline.workorder.WorkOrderEvent;
import org.hotline.workorder.WorkOrderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of the review and callback loop, one transaction each: load the order and its reply check, let
 * the check decide, store it, and carry out what it asks of the order through the work-order service in the
 * same transaction, so a refusal there (409) undoes the decision too. Events are published last.
 *
 * <p>Each review decision and callback attempt is also written to the order's history (审核, 回访), in the same
 * transaction as the loop's own record. Changes to the order are made as the person who decided, where the work
 * order lets their role do it (a reviewer redoes, a supervisor closes or supervises). Where it does not (a unit
 * leader's or the director's rejection, the director's final approval), the loop acts as {@link #LOOP} and names
 * the person in the reason, so the order's history still says whose decision it was. A close is never the
 * loop's say-so alone: the work order closes only when it reads, in the check just stored, that the reply has
 * passed ({@code workorder.QualityGate}).
 */
@Service
class QualityLoop {

    private static final Logger log = LoggerFactory.getLogger(QualityLoop.class);

    /** The loop acting on an order for a reviewer whose role may not redo or close orders themselves. */
    static final Actor LOOP = new Actor(Actor.QUALITY_LOOP, "审核回访流程", Role.REVIEWER, null);
    /** The same, for escalations decided by someone who may not supervise. */
    static final Actor LOOP_SUPERVISING = new Actor(Actor.QUALITY_LOOP, "审核回访流程", Role.SUPERVISOR, null);

    private static final Set<Role> MAY_REDO_AND_CLOSE = EnumSet.of(Role.REVIEWER, Role.SUPERVISOR, Role.DISPATCHER);
    private static final Set<Role> MAY_SUPERVISE = EnumSet.of(Role.SUPERVISOR, Role.DIRECTOR);

    private final ReplyChecks checks;
    private final QualityQueues queues;
    private final WorkOrderService orders;
    private final Units units;
    private final ReviewLevels reviewLevels;
    private final CallbackSelection callbackSelection;
    private final CallbackRetries retries;
    private final RedoEscalation escalation;
    private final RandomGenerator random;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    QualityLoop(ReplyChecks checks, QualityQueues queues, WorkOrderService orders, Units units,
            ReviewLevels reviewLevels, CallbackSelection callbackSelection, CallbackRetries retries,
            RedoEscalation escalation, @Qualifier("quality") RandomGenerator random, Clock clock,
            ApplicationEventPublisher events) {
        this.checks = checks;
        this.queues = queues;
        this.orders = orders;
        this.units = units;
        this.reviewLevels = reviewLevels;
        this.callbackSelection = callbackSelection;
        this.retries = retries;
        this.escalation = escalation;
        this.random = random;
        this.clock = clock;
        this.events = events;
    }

    // ---------------------------------------------------------------- a reply arrives

    /**
     * Opens the check of the reply the event announces. Safe to run twice for one event (the second finds the
     * check and does nothing) and late (an order that has moved on since is left alone).
     */
    @Transactional
    void open(WorkOrderEvent.Replied replied) {
        WorkOrder order = orders.find(replied.order(), Actor.system());
        if (order.status() != OrderStatus.REPLIED || order.redoCount() != replied.redoCount()
                || order.replies().isEmpty()) {
            log.debug("Reply of {} (redo {}) not checked: the order has moved on to {}", replied.order(),
                    replied.redoCount(), order.status());
            return;
        }
        // A replied order takes no new reply before a redo: the last reply is the one to check.
        Reply reply = order.replies().get(order.replies().size() - 1);
        if (checks.find(order.number(), reply.seq()).isPresent()) {
            return;
        }
        ReplyCheck check = ReplyCheck.open(order.number(), reply.seq(), reply.unit(), order.redoCount(), reply.at(),
                reviewLevels.levelsFor(order.categoryCode(), order.urgency()),
                callbackSelection.plan(order.channel(), order.citizen(), order.categoryCode(), random::nextDouble),
                clock.instant());
        if (!checks.addIfAbsent(check)) {
            return;
        }
        carryOut(check, LOOP);
        check.events().forEach(events::publishEvent);
    }

    /**
     * The order was sent for its {@code redoCount}-th redo outside the loop: the open check of the reply before no
     * longer applies. A late delivery never touches the check of a newer reply.
     */
    @Transactional
    void supersede(OrderNumber order, int redoCount, Instant at) {
        int ended = checks.supersede(order, redoCount, at, CheckOutcome.SUPERSEDED);
        if (ended > 0) {
            log.info("Open reply check of {} ended: the order was redone outside review and callback", order);
        }
    }

    /**
     * The director closed the order outside the loop (主任决定办结): its open check ends, saying so, so that the
     * record never shows a bypassed review or callback as handled elsewhere.
     */
    @Transactional
    void overridden(OrderNumber order, Instant at) {
        int ended = checks.supersede(order, null, at, CheckOutcome.CLOSED_BY_OVERRIDE);
        if (ended > 0) {
            log.info("Open reply check of {} ended: the director closed the order outside review and callback", order);
        }
    }

    // ---------------------------------------------------------------- review

    /**
     * 审核: decides the current level of the order's reply. {@code expectedLevel}, when given, must still be the
     * current level, so that two reviewers looking at the same reply cannot decide the same level twice.
     */
    @Transactional
    ReplyCheck review(OrderNumber number, ReviewLevel expectedLevel, boolean approve, String reason, Actor reviewer) {
        if (!approve && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "驳回必须说明理由");
        }
        if (EnumSet.allOf(ReviewLevel.class).stream().noneMatch(l -> l.isReviewedBy(reviewer.role()))) {
            throw new ForbiddenException("not-permitted", "当前用户无权审核答复");
        }
        WorkOrder order = orders.find(number, reviewer);
        ReplyCheck check = currentCheck(order);
        if (expectedLevel != null && check.stage() == ReplyCheck.Stage.REVIEW
                && check.currentLevel() != expectedLevel) {
            throw new ConflictException("review-level-changed", "该答复当前待「" + check.currentLevel().label()
                    + "」，不是「" + expectedLevel.label() + "」，请刷新后重试");
        }
        refuseIfRejected(check.review(reviewer, approve, reason, clock.instant()));
        checks.update(check);
        ReviewDecision decided = check.decisions().get(check.decisions().size() - 1);
        orders.recordReview(number, decided.level().label(), decided.approved(), decided.reason(), reviewer);
        carryOut(check, reviewer);
        check.events().forEach(events::publishEvent);
        return check;
    }

    // ---------------------------------------------------------------- callback

    /** 回访: records one attempt to call the citizen about the order's reply, and what follows from it. */
    @Transactional
    ReplyCheck recordCallback(OrderNumber number, CallResult result, Actor agent) {
        refuseIfRejected(CallbackAgents.mayCall(agent));
        WorkOrder order = orders.find(number, agent);
        ReplyCheck check = currentCheck(order);
        refuseIfRejected(check.recordCallback(agent, result, clock.instant(), retries, escalation));
        checks.update(check);
        orders.recordCallback(number, check.attempts(), result.label(), result.comment(), agent);
        carryOut(check, agent);
        check.events().forEach(events::publishEvent);
        return check;
    }

    // ---------------------------------------------------------------- escalation

    /**
     * 督办办结: a supervisor concludes the order escalated after two redos; the conclusion is stored with the
     * escalation and the order closes on it, through the work order's close rule, in this one transaction.
     */
    @Transactional
    ReplyCheck concludeEscalation(OrderNumber number, String conclusion, Actor supervisor) {
        refuseIfRejected(EscalationDesk.mayConclude(supervisor));
        WorkOrder order = orders.find(number, supervisor);
        ReplyCheck check = currentCheck(order);
        refuseIfRejected(check.concludeEscalation(supervisor, conclusion, clock.instant()));
        checks.addConclusion(check, supervisor.username(), clock.instant(), conclusion.strip());
        carryOut(check, supervisor);
        return check;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    QualityViews.PageView<QualityViews.ReviewItem> reviewQueue(ReviewLevel level, Actor viewer, int page, int size) {
        List<ReviewLevel> levels = EnumSet.allOf(ReviewLevel.class).stream()
                .filter(l -> l.isReviewedBy(viewer.role()) && (level == null || l == level)).toList();
        if (levels.isEmpty()) {
            throw new ForbiddenException("not-permitted", level == null ? "当前用户无权审核答复"
                    : "当前用户无权进行「" + level.label() + "」");
        }
        // a unit leader reviews their own unit's replies only
        UnitId unit = viewer.role() == Role.UNIT_LEADER ? viewer.unit() : null;
        return queues.reviews(levels, unit, viewer.username(), this::unitName, page, size);
    }

    @Transactional(readOnly = true)
    QualityViews.PageView<QualityViews.CallbackItem> callbackQueue(Actor agent, int page, int size) {
        refuseIfRejected(CallbackAgents.mayCall(agent));
        return queues.callbacksDue(clock.instant(), retries.maxAttempts(), this::unitName, page, size);
    }

    @Transactional(readOnly = true)
    QualityViews.PageView<QualityViews.EscalationItem> escalationQueue(Actor viewer, int page, int size) {
        if (!MAY_SUPERVISE.contains(viewer.role())) {
            throw new ForbiddenException("not-permitted", "只有督办员和中心主任可以查看转督办工单");
        }
        return queues.openEscalations(this::unitName, page, size);
    }

    /**
     * One order's reply as a reviewer considers it: the order (for the appeal, the co-units' parts and the earlier
     * replies), its current check if it has one, whether the viewer may decide its current level now (with the
     * reason when not: decided meanwhile, another level's, their own earlier decision), and every check of the
     * order's replies. Refused (403) to roles that review nothing; another unit's order does not exist (404).
     */
    @Transactional(readOnly = true)
    ReviewCase reviewCase(OrderNumber number, Actor viewer) {
        if (EnumSet.allOf(ReviewLevel.class).stream().noneMatch(l -> l.isReviewedBy(viewer.role()))) {
            throw new ForbiddenException("not-permitted", "当前用户无权审核答复");
        }
        WorkOrder order = orders.find(number, viewer);
        Optional<ReplyCheck> check = openCheck(order);
        Decision decision = check.map(c -> c.mayReview(viewer)).orElseGet(() -> notReplied(order));
        return new ReviewCase(order, check.orElse(null), decision, record(number, viewer));
    }

    /** See {@link #reviewCase}. {@code check} is null when the order has no reply waiting for the loop. */
    record ReviewCase(WorkOrder order, ReplyCheck check, Decision decision, List<QualityViews.CheckView> record) {
    }

    /**
     * One order's reply as a callback agent calls about it: the callback as the queue shows it (with the full
     * number) while it waits for one, due or not; whether the agent may record a call now (with the reason when
     * not: not due before another working day, already closed); and the calls made about this reply so far.
     */
    @Transactional(readOnly = true)
    CallbackCase callbackCase(OrderNumber number, Actor agent) {
        refuseIfRejected(CallbackAgents.mayCall(agent));
        WorkOrder order = orders.find(number, agent);
        Optional<ReplyCheck> check = openCheck(order);
        Decision decision = check.map(c -> c.mayRecordCallback(agent, clock.instant(), retries))
                .orElseGet(() -> notReplied(order));
        Optional<QualityViews.CallbackItem> item = queues.callback(number, retries.maxAttempts(), this::unitName);
        List<QualityViews.AttemptView> attempts = check.map(c -> checks.attempts(number, c.replySeq()).stream()
                .map(QualityViews::attempt).toList()).orElse(List.of());
        return new CallbackCase(order.number(), item.orElse(null), decision, attempts);
    }

    /** See {@link #callbackCase}. {@code item} is null when the order's reply is not waiting for a callback. */
    record CallbackCase(OrderNumber number, QualityViews.CallbackItem item, Decision decision,
            List<QualityViews.AttemptView> attempts) {
    }

    /** Every check of the order's replies, for whoever may see the order (another unit's order is 404). */
    @Transactional(readOnly = true)
    List<QualityViews.CheckView> record(OrderNumber number, Actor viewer) {
        orders.find(number, viewer);
        return checks.of(number).stream()
                .map(c -> QualityViews.check(c, checks.attempts(number, c.replySeq()), viewer.isCenter()))
                .toList();
    }

    // ---------------------------------------------------------------- internals

    /** The check of the order's current reply, when the order stands replied and its check is open. */
    private Optional<ReplyCheck> openCheck(WorkOrder order) {
        if (order.status() != OrderStatus.REPLIED || order.replies().isEmpty()) {
            return Optional.empty();
        }
        return checks.find(order.number(), order.replies().get(order.replies().size() - 1).seq());
    }

    /** Why an order without an open check takes no review or callback: the same words as {@link #currentCheck}. */
    private static Decision notReplied(WorkOrder order) {
        if (order.status() == OrderStatus.REPLIED && !order.replies().isEmpty()) {
            return Decision.rejected("no-check", "工单 " + order.number() + " 的答复尚未进入审核，请稍后重试");
        }
        return Decision.rejected("not-replied", "工单处于「" + order.status().label() + "」状态，没有待审核或回访的答复");
    }

    /** The check of the order's current reply; only a replied order has one. */
    private ReplyCheck currentCheck(WorkOrder order) {
        if (order.status() != OrderStatus.REPLIED || order.replies().isEmpty()) {
            throw new ConflictException("not-replied",
                    "工单处于「" + order.status().label() + "」状态，没有待审核或回访的答复");
        }
        int seq = order.replies().get(order.replies().size() - 1).seq();
        return checks.find(order.number(), seq).orElseThrow(() -> new ConflictException("no-check",
                "工单 " + order.number() + " 的答复尚未进入审核，请稍后重试"));
    }

    /** Does to the order what the check asks, as the deciding person where their role allows it. */
    private void carryOut(ReplyCheck check, Actor person) {
        NextStep next = check.next();
        OrderNumber n = check.order();
        if (next instanceof NextStep.Close close) {
            // The work order reads the check just stored to decide whether it may close (QualityGate).
            orders.closeThroughQualityLoop(n, onBehalf(close.note(), person, MAY_REDO_AND_CLOSE),
                    acting(person, MAY_REDO_AND_CLOSE, LOOP));
        } else if (next instanceof NextStep.Redo redo) {
            orders.redo(n, onBehalf(redo.reason(), person, MAY_REDO_AND_CLOSE), acting(person, MAY_REDO_AND_CLOSE, LOOP),
                    null);
        } else if (next instanceof NextStep.Escalate escalate) {
            checks.addEscalation(check, person.username(), clock.instant(), escalate.reason());
            orders.supervise(n, "转督办：" + onBehalf(escalate.reason(), person, MAY_SUPERVISE),
                    acting(person, MAY_SUPERVISE, LOOP_SUPERVISING), null);
        }
    }

    private static Actor acting(Actor person, Set<Role> permitted, Actor loop) {
        return permitted.contains(person.role()) ? person : loop;
    }

    private static String onBehalf(String text, Actor person, Set<Role> permitted) {
        if (permitted.contains(person.role()) || person.username().equals(LOOP.username())) {
            return text;
        }
        return text + "（" + (person.displayName() == null ? person.username() : person.displayName()) + "，"
                + person.username() + "）";
    }

    private String unitName(String unit) {
        return units.find(new UnitId(unit)).map(Unit::name).orElse(unit);
    }

    private static void refuseIfRejected(Decision decision) {
        if (decision instanceof Decision.Rejected r) {
            if (r.forbidden()) {
                throw new ForbiddenException(r.code(), r.reason());
            }
            throw new ConflictException(r.code(), r.reason());
        }
    }
}
