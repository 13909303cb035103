package org.hotline.quality;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.hotline.organization.Actor;
import org.hotline.organization.UnitId;
import org.hotline.workorder.Decision;
import org.hotline.workorder.OrderNumber;

/**
 * The checks one reply goes through before its order may close: review, then callback.
 *
 * <p>When a unit replies, the reply waits for its first <b>review level</b> (审核); which levels it needs was
 * fixed from the order's category and urgency when it arrived ({@link ReviewLevels}). A reviewer approves, and
 * the reply moves to the next level; after the last one it moves on to the <b>callback</b> (回访). A reviewer
 * rejects, with a reason, and the order goes back to the unit for redo; this check ends there and the unit's
 * next reply gets a check of its own. Nobody decides two levels of the same reply: each level is a different
 * person's judgement.
 *
 * <p>Whether the citizen is called back was also fixed on arrival ({@link CallbackSelection}): an order with
 * nobody to call, or not drawn for a category that is called back only in part, closes once reviewed. Otherwise
 * a callback agent ({@link CallbackAgents}) calls. Not reached: the call is due again on a later working day,
 * until the attempts run out and the order closes as unreachable ({@link CallbackRetries}). Reached, solved and
 * not unsatisfied: the order closes. Otherwise it goes back for redo, or, after two redos, to a supervisor
 * ({@link RedoEscalation}), whose conclusion then closes it ({@link #concludeEscalation}).
 *
 * <p>Like the work order, every action here is a guarded method that answers with a {@link Decision}; a refused
 * one changes nothing. An allowed one records what happened (a review decision, a callback attempt, events) and
 * says in {@link #next()} what must happen to the order. Time is always passed in.
 */
public final class ReplyCheck {

    /** Where the check stands. */
    public enum Stage {
        /** 待审核: waiting for {@link #currentLevel()}. */
        REVIEW("待审核"),
        /** 待回访: waiting for a callback due at {@link #callbackDue()}. */
        CALLBACK("待回访"),
        /** 已完成: ended with {@link #outcome()}. */
        DONE("已完成");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final OrderNumber order;
    private final int replySeq;
    private final UnitId unit;
    private final int redoCount;
    private final Instant repliedAt;
    private final Instant openedAt;
    private final List<ReviewLevel> levels;
    private final CallbackPlan plan;
    private long version;
    private Stage stage;
    private ReviewLevel currentLevel;
    private int attempts;
    private Instant callbackDue;
    private CheckOutcome outcome;
    private Instant finishedAt;
    private final List<ReviewDecision> decisions;

    private final List<ReviewDecision> newDecisions = new ArrayList<>();
    private final List<CallbackAttempt> newAttempts = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();
    private NextStep next;

    private ReplyCheck(Snapshot s) {
        this.order = Objects.requireNonNull(s.order());
        this.replySeq = s.replySeq();
        this.unit = Objects.requireNonNull(s.unit());
        this.redoCount = s.redoCount();
        this.repliedAt = s.repliedAt();
        this.openedAt = s.openedAt();
        this.levels = List.copyOf(s.levels());
        this.plan = Objects.requireNonNull(s.plan());
        this.version = s.version();
        this.stage = s.stage();
        this.currentLevel = s.currentLevel();
        this.attempts = s.attempts();
        this.callbackDue = s.callbackDue();
        this.outcome = s.outcome();
        this.finishedAt = s.finishedAt();
        this.decisions = new ArrayList<>(s.decisions());
    }

    /**
     * A reply has arrived: it waits for its first review level, or, with none configured, goes straight on to
     * the callback (or closes, when nobody is to be called).
     */
    public static ReplyCheck open(OrderNumber order, int replySeq, UnitId unit, int redoCount, Instant repliedAt,
            List<ReviewLevel> levels, CallbackPlan plan, Instant now) {
        ReplyCheck check = new ReplyCheck(new Snapshot(order, replySeq, unit, redoCount, repliedAt, now, levels, plan,
                0, Stage.REVIEW, null, 0, null, null, null, List.of()));
        if (check.levels.isEmpty()) {
            check.reviewPassed(now);
        } else {
            check.currentLevel = check.levels.get(0);
            check.next = new NextStep.AwaitReview(check.currentLevel);
        }
        return check;
    }

    public static ReplyCheck restore(Snapshot snapshot) {
        return new ReplyCheck(snapshot);
    }

    // ---------------------------------------------------------------- review

    /**
     * Whether the reviewer may decide the reply's current level now, whatever they decide: the reply is in review,
     * the level is theirs to decide, and they have not decided another level of it. What a page asks before it
     * offers the decision; {@link #review} asks the same.
     */
    public Decision mayReview(Actor reviewer) {
        return Decision.firstRejection(
                () -> stage == Stage.REVIEW ? Decision.allowed()
                        : Decision.rejected("not-in-review", "该答复处于「" + describeStage() + "」，不在审核中"),
                () -> currentLevel.mayDecide(reviewer, unit),
                () -> decisions.stream().noneMatch(d -> d.reviewer().equals(reviewer.username())) ? Decision.allowed()
                        : Decision.rejected("same-reviewer", "同一答复的各级审核须由不同人员进行，您已审核过本答复"));
    }

    /** 审核: the reviewer of the current level approves the reply or rejects it with a reason. */
    public Decision review(Actor reviewer, boolean approve, String reason, Instant now) {
        boolean hasReason = reason != null && !reason.isBlank();
        return Decision.firstRejection(
                () -> mayReview(reviewer),
                () -> approve || hasReason ? Decision.allowed()
                        : Decision.rejected("reason-required", "审核驳回必须说明理由"))
                .ifAllowed(() -> {
                    ReviewLevel level = currentLevel;
                    ReviewDecision decision = new ReviewDecision(decisions.size() + 1, level, approve,
                            reviewer.username(), reviewer.displayName(), reviewer.role(),
                            reviewer.unit() == null ? null : reviewer.unit().value(), now,
                            hasReason ? reason.strip() : null);
                    decisions.add(decision);
                    newDecisions.add(decision);
                    events.add(new ReviewDecided(order, replySeq, unit, level, approve, reviewer.username(), now,
                            decision.reason()));
                    if (!approve) {
                        finish(CheckOutcome.REDONE_AFTER_REVIEW, now);
                        next = new NextStep.Redo(level.label() + "驳回：" + reason.strip());
                        return;
                    }
                    int i = levels.indexOf(level);
                    if (i + 1 < levels.size()) {
                        currentLevel = levels.get(i + 1);
                        next = new NextStep.AwaitReview(currentLevel);
                    } else {
                        reviewPassed(now);
                    }
                });
    }

    private void reviewPassed(Instant now) {
        currentLevel = null;
        switch (plan) {
            case CALL -> {
                stage = Stage.CALLBACK;
                callbackDue = now;
                next = new NextStep.AwaitCallback(now);
            }
            case NOT_SAMPLED -> {
                finish(CheckOutcome.CLOSED_NOT_SAMPLED, now);
                next = new NextStep.Close(CheckOutcome.CLOSED_NOT_SAMPLED.label());
            }
            case NO_CONTACT -> {
                finish(CheckOutcome.CLOSED_NO_CONTACT, now);
                next = new NextStep.Close(CheckOutcome.CLOSED_NO_CONTACT.label());
            }
        }
    }

    // ---------------------------------------------------------------- callback

    /**
     * Whether the agent may call the citizen about this reply now, whatever the call finds: the reply waits for its
     * callback, the agent is one of the callback agents, and the call is due (a failed call is retried on another
     * working day). What a page asks before it offers the form; {@link #recordCallback} asks the same.
     */
    public Decision mayRecordCallback(Actor agent, Instant now, CallbackRetries retries) {
        return Decision.firstRejection(
                () -> stage == Stage.CALLBACK ? Decision.allowed()
                        : Decision.rejected("not-in-callback", "该答复处于「" + describeStage() + "」，不在回访中"),
                () -> CallbackAgents.mayCall(agent),
                () -> !now.isBefore(callbackDue) ? Decision.allowed()
                        : Decision.rejected("callback-not-due", "上次未接通，下次回访应在 "
                                + SHOWN.format(callbackDue.atZone(retries.zone())) + " 之后（另一个工作日）"));
    }

    /** 回访: the agent records one attempt to call the citizen and what it found. */
    public Decision recordCallback(Actor agent, CallResult result, Instant now, CallbackRetries retries,
            RedoEscalation escalation) {
        return Decision.firstRejection(
                () -> mayRecordCallback(agent, now, retries),
                result::isComplete)
                .ifAllowed(() -> {
                    attempts++;
                    CallbackAttempt attempt = new CallbackAttempt(attempts, now, agent.username(), result);
                    newAttempts.add(attempt);
                    events.add(new CallbackRecorded(order, replySeq, unit, attempts, now, agent.username(),
                            result.reached(), result.resolved(), result.satisfaction()));
                    if (!result.reached()) {
                        if (retries.givesUpAfter(attempts)) {
                            finish(CheckOutcome.CLOSED_UNREACHABLE, now);
                            next = new NextStep.Close("回访未接通（共尝试 " + attempts + " 次）");
                        } else {
                            callbackDue = retries.nextAttemptDue(now);
                            next = new NextStep.AwaitCallback(callbackDue);
                        }
                        return;
                    }
                    if (result.confirmsReply()) {
                        finish(CheckOutcome.CLOSED_CONFIRMED, now);
                        next = new NextStep.Close("回访：" + result.label());
                        return;
                    }
                    String why = "回访" + result.label() + (blank(result.comment()) ? "" : "：" + result.comment().strip());
                    if (escalation.afterFailedCallback(redoCount) == RedoEscalation.Consequence.ESCALATE) {
                        finish(CheckOutcome.ESCALATED, now);
                        String reason = "已重办 " + redoCount + " 次，" + why;
                        next = new NextStep.Escalate(reason);
                        events.add(new OrderEscalated(order, replySeq, unit, redoCount, now, agent.username(), reason));
                    } else {
                        finish(CheckOutcome.REDONE_AFTER_CALLBACK, now);
                        next = new NextStep.Redo(why);
                    }
                });
    }

    // ---------------------------------------------------------------- escalation

    /**
     * 督办办结: a supervisor (or the director) concludes an order that failed its callback after two redos, once
     * they have settled with the unit what can be done. The conclusion is the loop's last word on this reply: the
     * order may close on it ({@link #closingBasis}). The check itself stays ended as escalated.
     */
    public Decision concludeEscalation(Actor supervisor, String conclusion, Instant now) {
        return Decision.firstRejection(
                () -> outcome == CheckOutcome.ESCALATED ? Decision.allowed()
                        : Decision.rejected("not-escalated", "该答复处于「" + describeStage() + "」，未转督办，不能作督办结论"),
                () -> EscalationDesk.mayConclude(supervisor),
                () -> !blank(conclusion) ? Decision.allowed()
                        : Decision.rejected("conclusion-required", "督办办结必须写明督办结论"))
                .ifAllowed(() -> next = new NextStep.Close(EscalationDesk.basis(conclusion.strip())));
    }

    /**
     * Why the work order may close after this reply, or empty when it may not: the check ended with an outcome
     * that closes the order ({@link CheckOutcome#closesOrder()}), or it was escalated and a supervisor has since
     * concluded it ({@code escalationConclusion}, null when nobody has).
     */
    public Optional<String> closingBasis(String escalationConclusion) {
        if (stage != Stage.DONE) {
            return Optional.empty();
        }
        if (outcome.closesOrder()) {
            return Optional.of(outcome.label());
        }
        if (outcome == CheckOutcome.ESCALATED && !blank(escalationConclusion)) {
            return Optional.of(EscalationDesk.basis(escalationConclusion));
        }
        return Optional.empty();
    }

    private void finish(CheckOutcome how, Instant now) {
        stage = Stage.DONE;
        currentLevel = null;
        callbackDue = null;
        outcome = how;
        finishedAt = now;
        events.add(new ReplyCheckFinished(order, replySeq, unit, how, now));
    }

    private String describeStage() {
        return stage == Stage.DONE ? stage.label() + "：" + outcome.label()
                : stage == Stage.REVIEW ? currentLevel.label() : stage.label();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ---------------------------------------------------------------- accessors

    public OrderNumber order() { return order; }
    public int replySeq() { return replySeq; }
    public UnitId unit() { return unit; }
    public int redoCount() { return redoCount; }
    public Instant repliedAt() { return repliedAt; }
    public Instant openedAt() { return openedAt; }
    public List<ReviewLevel> levels() { return levels; }
    public CallbackPlan plan() { return plan; }
    public long version() { return version; }
    public Stage stage() { return stage; }
    public ReviewLevel currentLevel() { return currentLevel; }
    public int attempts() { return attempts; }
    public Instant callbackDue() { return callbackDue; }
    public CheckOutcome outcome() { return outcome; }
    public Instant finishedAt() { return finishedAt; }
    public List<ReviewDecision> decisions() { return Collections.unmodifiableList(decisions); }

    /** What the order needs after the last allowed action; null before any. */
    public NextStep next() { return next; }

    /** Decisions made since the check was loaded, for the repository to append. */
    public List<ReviewDecision> newDecisions() { return Collections.unmodifiableList(newDecisions); }

    /** Callback attempts made since the check was loaded, for the repository to append. */
    public List<CallbackAttempt> newAttempts() { return Collections.unmodifiableList(newAttempts); }

    /** Events registered since the check was loaded, for the service to publish. */
    public List<Object> events() { return Collections.unmodifiableList(events); }

    /** Called by the repository once the check is written at {@code storedVersion}. */
    public void stored(long storedVersion) {
        version = storedVersion;
        newDecisions.clear();
        newAttempts.clear();
    }

    public Snapshot snapshot() {
        return new Snapshot(order, replySeq, unit, redoCount, repliedAt, openedAt, levels, plan, version, stage,
                currentLevel, attempts, callbackDue, outcome, finishedAt, List.copyOf(decisions));
    }

    /** The stored form; {@code version} is the optimistic-locking version it was read at. */
    public record Snapshot(OrderNumber order, int replySeq, UnitId unit, int redoCount, Instant repliedAt,
            Instant openedAt, List<ReviewLevel> levels, CallbackPlan plan, long version, Stage stage,
            ReviewLevel currentLevel, int attempts, Instant callbackDue, CheckOutcome outcome, Instant finishedAt,
            List<ReviewDecision> decisions) {
    }
}
